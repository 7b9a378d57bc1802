package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;

/** Reinitialising a replica against the real lab; the leader is refused before any change. */
class ReinitializeOperationTest {

    private static PatroniOps ops;

    @TempDir
    Path journal;

    @BeforeAll
    static void connect() {
        OpsLab.lab().ensureHealthy();
        ops = OpsLab.ops();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void reinitializesAReplicaAndRefusesTheLeader() throws Exception {
        ClusterView view = OpsLab.awaitConverged(ops);
        String replica = view.replicas().get(0).name();
        String leader = view.leader().orElseThrow().name();
        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).build();

        Operation<ClusterStatus> onLeader = ops.reinitialize(leader, false, Duration.ofMinutes(2));
        Plan refused = onLeader.plan();
        assertFalse(refused.steps().get(0).guards().get(0).passed(), refused.render());
        assertEquals("member-is-replica", assertThrows(UnsafeOperationException.class,
                () -> onLeader.apply(refused, options)).guard());

        Instant startedBefore = ops.member(replica).status().postmasterStartTime();
        Operation<ClusterStatus> reinit = ops.reinitialize(replica, true, Duration.ofMinutes(2));
        var result = reinit.apply(reinit.plan(), options);
        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertNotEquals(startedBefore, ops.member(replica).status().postmasterStartTime(), "a new postmaster runs");
        assertTrue(OpsLab.awaitConverged(ops).isConverged(leader));
    }
}
