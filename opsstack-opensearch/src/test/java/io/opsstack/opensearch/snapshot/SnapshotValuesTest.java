package io.opsstack.opensearch.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ops.snapshot.SnapshotResponses;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.model.snapshot.SnapshotRepository;
import io.opsstack.opensearch.model.snapshot.SnapshotState;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;

/** Parsing of the documented snapshot answers and validation of the snapshot, restore and restart requests. */
class SnapshotValuesTest {

    @Test
    void parsesSnapshotsWithStateShardsAndEpochMillisTimes() {
        String body = "{\"snapshots\":[{\"snapshot\":\"s1\",\"uuid\":\"u\",\"version_id\":136407827,"
                + "\"indices\":[\"logs-b\",\"logs-a\"],\"include_global_state\":false,\"state\":\"SUCCESS\","
                + "\"start_time_in_millis\":1763780000123,\"end_time_in_millis\":1763780001456,"
                + "\"failures\":[],\"shards\":{\"total\":4,\"failed\":0,\"successful\":4}},"
                + "{\"snapshot\":\"s2\",\"state\":\"IN_PROGRESS\",\"indices\":[],\"start_time_in_millis\":1763780002000,"
                + "\"end_time_in_millis\":0,\"shards\":{\"total\":0,\"failed\":0,\"successful\":0}},"
                + "{\"snapshot\":\"s3\",\"state\":\"PARTIAL\",\"indices\":[\"x\"],\"failures\":[{\"index\":\"x\",\"reason\":\"boom\"}],"
                + "\"shards\":{\"total\":2,\"failed\":1,\"successful\":1}}]}";

        List<SnapshotInfo> snapshots = SnapshotResponses.parseSnapshots("repo", body);

        SnapshotInfo first = snapshots.get(0);
        assertEquals(List.of("logs-a", "logs-b"), first.indices());
        assertEquals(SnapshotState.SUCCESS, first.state());
        assertTrue(first.successful());
        assertEquals(Instant.ofEpochMilli(1763780000123L), first.startTime());
        assertEquals(4, first.totalShards());
        assertNull(snapshots.get(1).endTime());
        assertFalse(snapshots.get(1).state().finished());
        assertFalse(snapshots.get(2).successful());
        assertTrue(snapshots.get(2).failures().get(0).contains("boom"));
        assertEquals("SUCCESS", first.toMap().get("state"));
        assertEquals(SnapshotState.UNKNOWN, SnapshotState.parse("SOMETHING_NEW"));
    }

    @Test
    void parsesRepositoryAndVerifiedNodes() {
        SnapshotRepository repository = SnapshotResponses.parseRepository("backups",
                "{\"backups\":{\"type\":\"fs\",\"settings\":{\"location\":\"/mnt/b\",\"compress\":\"true\"}}}");
        assertEquals("fs", repository.type());
        assertEquals(Map.of("location", "/mnt/b", "compress", "true"), repository.settings());
        assertEquals(List.of("n1", "n2"), SnapshotResponses.parseVerifiedNodes("backups",
                "{\"nodes\":{\"id2\":{\"name\":\"n2\"},\"id1\":{\"name\":\"n1\"}}}"));
    }

    @Test
    void requestsRefuseBadInputBeforeAnyCall() {
        assertThrows(OpsValidationException.class, () -> SnapshotRequest.builder().repository("Bad Repo").snapshot("s").build());
        assertThrows(OpsValidationException.class, () -> SnapshotRequest.builder().repository("r").build());
        assertThrows(OpsValidationException.class, () -> RestoreRequest.builder().repository("r").snapshot("s")
                .rename("(unclosed", "x").build());
        assertThrows(OpsValidationException.class, () -> RestoreRequest.fromMap(Map.of("repository", "r", "snapshot", "s",
                "rename_pattern", "(.+)")));
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.builder().maxUnavailable(0).build());
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.builder().targetVersion("latest").build());
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.builder().node("a").node("a").build());
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.fromMap(Map.of("nodez", "a")));

        RestoreRequest rename = RestoreRequest.builder().repository("r").snapshot("s").rename("(.+)", "restored-$1").build();
        assertEquals("restored-logs", rename.targetName("logs"));
        RollingRestartRequest fromMap = RollingRestartRequest.fromMap(Map.of("nodes", "a,b", "max_unavailable", 2,
                "poll_interval_millis", 100));
        assertEquals(List.of("a", "b"), fromMap.nodes());
        assertEquals(fromMap, RollingRestartRequest.fromMap(fromMap.toMap().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        SnapshotRequest snapshot = SnapshotRequest.builder().repository("r").snapshot("s").index("logs-*").build();
        assertEquals(snapshot, SnapshotRequest.fromMap(snapshot.toMap()));
    }
}
