package io.opsstack.opensearch.lab.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RebalanceRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import io.opsstack.opensearch.ops.RelocationRequest;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code fromMap} forms of the request values read their own {@code toMap} form back, nulls meaning "not set". */
class RequestFromMapTest {

    @Test
    void drainRoundTripsAndReadsTextNumbers() {
        DrainRequest drain = DrainRequest.builder("os-2").waitTimeout(Duration.ofMinutes(5)).stallPolls(7)
                .recoveryLimits(RecoveryLimits.of(6, "400mb")).build();
        assertEquals(drain, DrainRequest.fromMap(drain.toMap()));

        DrainRequest fromText = DrainRequest.fromMap(Map.of("node", "os-3", "wait_timeout_seconds", "90"));
        assertEquals(Duration.ofSeconds(90), fromText.waitTimeout());
        assertEquals(RecoveryLimits.defaults(), fromText.recoveryLimits());
    }

    @Test
    void relocationRoundTripsWithAndWithoutTarget() {
        RelocationRequest toNode = RelocationRequest.builder("os-1").index("logs-1").toNode("os-2").build();
        assertEquals(toNode, RelocationRequest.fromMap(toNode.toMap()));
        RelocationRequest anywhere = RelocationRequest.builder("os-1").build();
        assertEquals(anywhere, RelocationRequest.fromMap(anywhere.toMap()));
        assertEquals(List.of("a", "b"), RelocationRequest.fromMap(Map.of("from_node", "os-1", "indices", "a, b")).indices());
    }

    @Test
    void rebalanceDefaultsTheAttribute() {
        assertEquals(RebalanceRequest.of("warm"), RebalanceRequest.fromMap(Map.of("tier", "warm")));
        RebalanceRequest custom = new RebalanceRequest("box", "cold", Duration.ofMinutes(3), Duration.ofMillis(250));
        assertEquals(custom, RebalanceRequest.fromMap(custom.toMap()));
    }

    @Test
    void zoneDecommissionKeepsANullDrainDelayForTheServerDefault() {
        assertEquals(ZoneDecommissionRequest.of("zone-b"), ZoneDecommissionRequest.fromMap(Map.of("zone", "zone-b")));
        Map<String, Object> serverDefault = new HashMap<>(ZoneDecommissionRequest.of("zone-b").toMap());
        serverDefault.put("drain_delay_seconds", null);
        assertNull(ZoneDecommissionRequest.fromMap(serverDefault).drainDelay());
    }

    @Test
    void requestsWithUnsetOptionalValuesRoundTrip() {
        RollingRestartRequest restart = RollingRestartRequest.builder().node("os-1").maxUnavailable(2).build();
        assertEquals(restart, RollingRestartRequest.fromMap(restart.toMap()));
        RestoreRequest restore = RestoreRequest.builder().repository("r").snapshot("s").build();
        assertEquals(restore, RestoreRequest.fromMap(restore.toMap()));
        SnapshotRequest snapshot = SnapshotRequest.builder().repository("r").snapshot("s").index("logs").build();
        assertEquals(snapshot, SnapshotRequest.fromMap(snapshot.toMap()));
        TierMoveRequest move = TierMoveRequest.builder().index("logs").tier("warm").build();
        assertEquals(move, TierMoveRequest.fromMap(move.toMap()));
    }

    @Test
    void snapshotAndRestoreRoundTripTheirOwnOptionsAndNameThemWhenAKeyIsUnknown() {
        SnapshotRequest snapshot = SnapshotRequest.builder().repository("r").snapshot("s").indices(List.of("a", "b"))
                .includeGlobalState(true).waitTimeout(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).build();
        assertEquals(snapshot, SnapshotRequest.fromMap(snapshot.toMap()));
        RestoreRequest restore = RestoreRequest.builder().repository("r").snapshot("s").index("a").rename("(.+)", "restored-$1")
                .waitTimeout(Duration.ofMinutes(2)).build();
        assertEquals(restore, RestoreRequest.fromMap(restore.toMap()));

        OpsValidationException unknown = assertThrows(OpsValidationException.class,
                () -> RestoreRequest.fromMap(Map.of("repository", "r", "snapshot", "s", "include_global_state", true)));
        assertEquals("unknown restore option 'include_global_state'; known: repository, snapshot, indices, "
                + "rename_pattern, rename_replacement, wait_timeout_seconds, poll_interval_millis", unknown.getMessage());
        assertThrows(OpsValidationException.class,
                () -> SnapshotRequest.fromMap(Map.of("repository", "r", "snapshot", "s", "rename_pattern", "x")));
    }
}
