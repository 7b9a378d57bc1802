package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.Fixtures;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.IndexSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexResponsesTest {

    @Test
    void parsesCatIndicesIncludingClosedIndex() {
        List<IndexRow> rows = IndexResponses.parseCatIndices(Fixtures.read("cat-indices.json"));
        IndexRow open = rows.get(0);
        assertEquals("logs-2024", open.index());
        assertEquals(HealthStatus.GREEN, open.health());
        assertEquals(1200L, open.docs());
        assertEquals(524288L, open.storeBytes());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), open.creationDate());
        assertEquals(1, open.primaries());
        assertEquals(0, open.replicas());
        IndexRow closed = rows.get(1);
        assertNull(closed.health());
        assertNull(closed.docs());
        assertEquals("close", closed.status());
    }

    @Test
    void flattensIndexSettings() {
        IndexSettings s = IndexResponses.parseIndexSettings("logs", "{\"logs\":{\"settings\":{\"index\":{\"routing\":"
                + "{\"allocation\":{\"require\":{\"temp\":\"hot\"}}},\"number_of_shards\":\"1\"}}}}");
        assertEquals("hot", s.get("index.routing.allocation.require.temp"));
        assertEquals("1", s.get("index.number_of_shards"));
        assertThrows(OpenSearchResponseException.class, () -> IndexResponses.parseIndexSettings("other", "{}"));
    }

    @Test
    void countsBulkFailures() {
        BulkResult r = IndexResponses.parseBulk(Fixtures.read("bulk-partial.json"));
        assertEquals(1, r.succeeded());
        assertEquals(1, r.failed());
        assertTrue(r.hasFailures());
        assertEquals(List.of("mapper_parsing_exception: failed to parse field [n]"), r.firstErrors());
    }

    @Test
    void readsCount() {
        assertEquals(42L, IndexResponses.parseCount("{\"count\":42,\"_shards\":{}}"));
        assertThrows(OpenSearchResponseException.class, () -> IndexResponses.parseCount("{}"));
    }
}
