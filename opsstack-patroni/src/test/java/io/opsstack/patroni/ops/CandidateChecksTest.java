package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.patroni.internal.ops.CandidateChecks;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;

/** The candidate verdicts over /cluster answers with lag, tags and sync roles that the lab cannot produce on demand. */
class CandidateChecksTest {

    private static ClusterMember member(String name, ClusterRole role, String state, Long lag, Map<String, String> tags) {
        return new ClusterMember(name, role, role.name().toLowerCase(), state, "http://127.0.0.1:1/patroni", "127.0.0.1",
                5432, 3, lag, lag == null, null, null, tags, false, null);
    }

    private static final ClusterStatus CLUSTER = new ClusterStatus("demo", List.of(
            member("pg1", ClusterRole.LEADER, "running", null, Map.of()),
            member("pg2", ClusterRole.REPLICA, "running", 5_000_000L, Map.of()),
            member("pg3", ClusterRole.SYNC_STANDBY, "running", 0L, Map.of("nofailover", "true")),
            member("pg4", ClusterRole.REPLICA, "stopped", null, Map.of())), false, null);

    @Test
    void lagLimitIsTheStricterOfClusterAndCaller() {
        DynamicConfig config = new DynamicConfig(Map.of("maximum_lag_on_failover", 1_048_576));
        assertEquals(1_048_576, CandidateChecks.lagLimit(config, -1));
        assertEquals(1000, CandidateChecks.lagLimit(config, 1000));
        assertEquals(1_048_576, CandidateChecks.lagLimit(config, 10_000_000));
        assertEquals(CandidateChecks.DEFAULT_MAXIMUM_LAG_ON_FAILOVER, CandidateChecks.lagLimit(new DynamicConfig(Map.of()), -1));
    }

    @Test
    void laggingCandidateIsRefusedWithTheFigures() {
        GuardResult lagging = CandidateChecks.lagWithinLimit(CLUSTER, "pg2", 1_048_576);
        assertFalse(lagging.passed());
        assertTrue(lagging.reason().contains("5000000 bytes") && lagging.reason().contains("1048576"), lagging.reason());
        assertFalse(CandidateChecks.lagWithinLimit(CLUSTER, "pg4", 1_048_576).passed(), "unknown lag is refused");
        assertTrue(CandidateChecks.lagWithinLimit(CLUSTER, "pg3", 0).passed());
    }

    @Test
    void tagsStateAndSynchronousModeDecide() {
        assertFalse(CandidateChecks.failoverAllowed(CLUSTER, "pg3").passed());
        assertTrue(CandidateChecks.failoverAllowed(CLUSTER, "pg2").passed());
        assertFalse(CandidateChecks.running(CLUSTER, "pg4").passed());
        assertFalse(CandidateChecks.exists(CLUSTER, "pg9").passed());
        assertFalse(CandidateChecks.exists(CLUSTER, "pg1").passed(), "the leader is no candidate");
        DynamicConfig sync = new DynamicConfig(Map.of("synchronous_mode", true));
        assertFalse(CandidateChecks.synchronousMode(CLUSTER, sync, "pg2").passed());
        assertTrue(CandidateChecks.synchronousMode(CLUSTER, sync, "pg3").passed());
        assertTrue(CandidateChecks.synchronousMode(CLUSTER, new DynamicConfig(Map.of()), "pg2").passed());
    }

    @Test
    void bestCandidateSkipsIneligibleReplicas() {
        DynamicConfig config = new DynamicConfig(Map.of("maximum_lag_on_failover", 10_000_000));
        assertEquals(Optional.of("pg2"), CandidateChecks.bestCandidate(CLUSTER, config, 10_000_000));
        assertEquals(Optional.empty(), CandidateChecks.bestCandidate(CLUSTER, config, 1000));
    }
}
