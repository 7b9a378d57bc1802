package io.opsstack.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.model.RelocationTarget;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardRows;
import io.opsstack.opensearch.model.ShardState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatShardsParserTest {

    private final List<ShardRow> rows = CatShardsParser.parse(Fixtures.read("cat-shards.json"));

    @Test
    void parsesStartedRowWithNumbers() {
        ShardRow started = rows.get(0);
        assertEquals("logs-2024", started.index());
        assertEquals(0, started.shard());
        assertTrue(started.primary());
        assertEquals(ShardState.STARTED, started.state());
        assertEquals(1200L, started.docs());
        assertEquals(524288L, started.storeBytes());
        assertEquals("opensearch-hot-1", started.node());
        assertEquals("Xk2pQ0aLTtWm3v4hQkXy9A", started.nodeId());
        assertNull(started.relocatingTo());
    }

    @Test
    void splitsRelocationIntoSourceAndTarget() {
        ShardRow relocating = rows.get(1);
        assertEquals(ShardState.RELOCATING, relocating.state());
        assertEquals("opensearch-warm-1", relocating.node());
        assertEquals(new RelocationTarget("127.0.0.1", "Ab12Cd", "opensearch-cold-1"), relocating.relocatingTo());
    }

    @Test
    void unassignedRowHasNoNodeButAReason() {
        ShardRow unassigned = rows.get(2);
        assertEquals(ShardState.UNASSIGNED, unassigned.state());
        assertFalse(unassigned.primary());
        assertNull(unassigned.node());
        assertNull(unassigned.docs());
        assertEquals("NODE_LEFT", unassigned.unassignedReason());
    }

    @Test
    void relocatingShardCountsAgainstSourceAndTarget() {
        assertEquals(1, ShardRows.onNode(rows, "opensearch-warm-1").size());
        assertEquals(2, ShardRows.onNode(rows, "opensearch-cold-1").size());
        assertEquals(Map.of("opensearch-hot-1", 1, "opensearch-warm-1", 1, "opensearch-cold-1", 2),
                ShardRows.countByNode(rows));
        assertEquals(1, ShardRows.inState(rows, ShardState.UNASSIGNED).size());
        assertFalse(ShardRows.allStarted(rows));
    }

    @Test
    void relocationWithoutTargetFailsClosed() {
        OpenSearchResponseException e = assertThrows(OpenSearchResponseException.class,
                () -> CatShardsParser.parse(Fixtures.read("cat-shards-bad-relocation.json")));
        assertTrue(e.getMessage().contains("row #2"), e.getMessage());
    }

    @Test
    void targetNameMayContainSpaces() {
        List<ShardRow> parsed = CatShardsParser.parse("[{\"index\":\"i\",\"shard\":\"0\",\"prirep\":\"r\","
                + "\"state\":\"RELOCATING\",\"ip\":\"10.0.0.1\",\"id\":\"S\",\"node\":\"src node -> 10.0.0.2 T9 cold node 2\"}]");
        assertEquals("src node", parsed.get(0).node());
        assertEquals(new RelocationTarget("10.0.0.2", "T9", "cold node 2"), parsed.get(0).relocatingTo());
    }

    @Test
    void rejectsUnknownStateMissingFieldsAndNonArrays() {
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse(
                "[{\"index\":\"i\",\"shard\":\"0\",\"prirep\":\"p\",\"state\":\"MOVING\",\"node\":\"n\"}]"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse(
                "[{\"index\":\"i\",\"prirep\":\"p\",\"state\":\"STARTED\",\"node\":\"n\"}]"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse(
                "[{\"index\":\"i\",\"shard\":\"0\",\"prirep\":\"p\",\"state\":\"STARTED\"}]"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse(
                "[{\"index\":\"i\",\"shard\":\"0\",\"prirep\":\"x\",\"state\":\"STARTED\",\"node\":\"n\"}]"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse("{\"error\":\"x\"}"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse("not json"));
        assertThrows(OpenSearchResponseException.class, () -> CatShardsParser.parse(""));
    }

    @Test
    void emptyArrayIsNoShards() {
        assertTrue(CatShardsParser.parse("[]").isEmpty());
    }

    @Test
    void rowsRoundTripToPlainMaps() {
        Map<String, Object> map = rows.get(1).toMap();
        assertEquals("RELOCATING", map.get("state"));
        assertEquals(Map.of("ip", "127.0.0.1", "node_id", "Ab12Cd", "node", "opensearch-cold-1"), map.get("relocating_to"));
    }
}
