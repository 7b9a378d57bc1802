package io.opsstack.testkit.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A standby cluster of the shared lab: a standby leader replicating from the primary cluster. */
class PatroniStandbyLabTest {

    @Test
    void standbyClusterFollowsThePrimaryCluster() throws Exception {
        PatroniLab primary = PatroniLab.shared();
        try (PatroniLab standby = PatroniLab.builder().scope("standby").members(2).standbyOf(primary).build().start()) {
            String standbyLeader = standby.leaderName();
            assertTrue(standbyLeader.startsWith("sb"), standbyLeader);
            Map<String, Object> config = PatroniLabTest.getJson(standby.member(standbyLeader).restUri().resolve("/config"));
            Map<?, ?> source = (Map<?, ?>) config.get("standby_cluster");
            assertEquals(primary.member(primary.leaderName()).postgresPort(), ((Number) source.get("port")).intValue());
            Map<String, Object> cluster = PatroniLabTest.getJson(standby.restEndpoints().get(0).resolve("/cluster"));
            List<?> members = (List<?>) cluster.get("members");
            assertEquals(2, members.size());
            assertTrue(members.stream().anyMatch(m -> "standby_leader".equals(((Map<?, ?>) m).get("role"))), members.toString());
        }
    }
}
