package io.opsstack.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HealthCheck;
import io.opsstack.patroni.model.HealthResult;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.patroni.model.MemberStatus;

/** Every GET endpoint against the real Patroni 3.0.2 lab. */
class PatroniReadsTest {

    private static PatroniOps ops;
    private static String leaderName;
    private static String replicaName;

    @BeforeAll
    static void connect() throws InterruptedException {
        LabClusters.lab().ensureHealthy();
        ops = LabClusters.ops();
        ClusterView view = LabClusters.awaitConverged(ops, null, Duration.ofSeconds(60));
        leaderName = view.leader().orElseThrow().name();
        replicaName = view.replicas().get(0).name();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void leaderStatusIsNormalisedFrom302() {
        MemberStatus status = ops.member(leaderName).status();
        assertEquals(leaderName, status.name(), "3.0.2 sends no name; it is filled in from /cluster");
        assertEquals("opsstack", status.scope());
        assertEquals("3.0.2", status.patroniVersion());
        assertEquals(3, status.patroniMajorVersion());
        assertEquals(MemberRole.PRIMARY, status.role());
        assertEquals("master", status.rawRole());
        assertEquals("running", status.state());
        assertTrue(status.serverVersion() >= 150000, "server_version " + status.serverVersion());
        assertTrue(status.timeline() >= 1);
        assertNotNull(status.wal().location());
        assertNull(status.wal().replayedLocation());
        assertNotNull(status.postmasterStartTime());
        assertNotNull(status.databaseSystemIdentifier());
        assertEquals(2, status.replication().stream().filter(c -> c.isStreaming()).count(), status.replication().toString());
        assertFalse(status.pendingRestart());
        assertTrue(status.tags().isEmpty(), "tags set to false are not published: " + status.tags());
    }

    @Test
    void replicaStatusCarriesReplayPositions() {
        MemberStatus status = ops.member(replicaName).status();
        assertEquals(replicaName, status.name());
        assertEquals(MemberRole.REPLICA, status.role());
        assertNotNull(status.wal().replayedLocation());
        assertNotNull(status.wal().receivedLocation());
        assertNull(status.wal().location());
        assertEquals(ops.member(leaderName).status().timeline(), status.timeline());
        assertTrue(status.replication().isEmpty());
    }

    @Test
    void clusterListsTheLeaderAndTwoReplicasAtLagZero() {
        ClusterStatus cluster = ops.cluster();
        assertEquals("opsstack", cluster.scope(), "3.0.2 sends no scope; it is filled in from /patroni");
        assertEquals(3, cluster.members().size());
        ClusterMember leader = cluster.leader().orElseThrow();
        assertEquals(leaderName, leader.name());
        assertEquals(ClusterRole.LEADER, leader.role());
        assertNull(leader.lagBytes(), "the leader has no lag");
        for (ClusterMember member : cluster.members()) {
            assertEquals("127.0.0.1", member.host());
            assertTrue(member.port() > 0);
            assertTrue(member.apiUrl().startsWith("http://127.0.0.1:"), member.apiUrl());
            if (!member.isLeader()) {
                assertEquals(ClusterRole.REPLICA, member.role());
                assertEquals(0L, member.lagBytes());
                assertEquals(leader.timeline(), member.timeline());
            }
        }
        assertFalse(cluster.paused());
        assertNull(cluster.scheduledSwitchover());
        assertTrue(ClusterView.of(cluster).isConverged(leaderName), ClusterView.of(cluster).toString());
    }

    @Test
    void membersAndLeaderResolveThroughTheirApiUrl() {
        assertEquals(3, ops.members().size());
        assertEquals(leaderName, ops.leader().name().orElseThrow());
        assertEquals(LabClusters.lab().member(replicaName).restUri(), ops.member(replicaName).endpoint());
        assertThrows(OpsValidationException.class, () -> ops.member("no-such-member"));
    }

    @Test
    void configShowsTheBootstrapDcsSettings() {
        DynamicConfig config = ops.config();
        assertEquals(20, config.ttl());
        assertEquals(2, config.loopWait());
        assertEquals(5, config.retryTimeout());
        assertEquals(1_048_576, config.maximumLagOnFailover());
        assertFalse(config.paused());
        assertFalse(config.standbyCluster());
        assertEquals("50", config.postgresqlParameters().get("max_connections"));
    }

    @Test
    void historyIsReadable() {
        // a fresh cluster has no rows; after a switchover each row names the new timeline's predecessor
        ops.history().forEach(entry -> assertTrue(entry.timeline() >= 1, entry.toString()));
    }

    @Test
    void metricsAreParsedDespiteTheMalformedLineOf302() {
        MetricsPage leader = ops.member(leaderName).metrics();
        assertEquals(1.0, leader.value("patroni_primary", "scope", "opsstack").orElseThrow());
        assertEquals(1.0, leader.value("patroni_master", "scope", "opsstack").orElseThrow());
        assertEquals(1.0, leader.value("patroni_postgres_running").orElseThrow());
        assertTrue(leader.value("patroni_postgres_server_version", "scope", "opsstack").orElseThrow() >= 150000,
                "the line with a space before '{' is still read");
        assertFalse(leader.warnings().isEmpty(), "the repaired line is reported");
        MetricsPage replica = ops.member(replicaName).metrics();
        assertEquals(1.0, replica.value("patroni_replica").orElseThrow());
        assertEquals(0.0, replica.value("patroni_primary").orElseThrow());
    }

    @Test
    void healthEndpointsAnswerByRole() {
        PatroniMember leader = ops.member(leaderName);
        PatroniMember replica = ops.member(replicaName);
        Map<HealthCheck, Integer> leaderCodes = Map.ofEntries(Map.entry(HealthCheck.PRIMARY, 200),
                Map.entry(HealthCheck.READ_WRITE, 200), Map.entry(HealthCheck.LEADER, 200),
                Map.entry(HealthCheck.STANDBY_LEADER, 503), Map.entry(HealthCheck.REPLICA, 503),
                Map.entry(HealthCheck.READ_ONLY, 200), Map.entry(HealthCheck.SYNC, 503),
                Map.entry(HealthCheck.ASYNC, 503), Map.entry(HealthCheck.HEALTH, 200),
                Map.entry(HealthCheck.LIVENESS, 200), Map.entry(HealthCheck.READINESS, 200));
        Map<HealthCheck, Integer> replicaCodes = Map.ofEntries(Map.entry(HealthCheck.PRIMARY, 503),
                Map.entry(HealthCheck.READ_WRITE, 503), Map.entry(HealthCheck.LEADER, 503),
                Map.entry(HealthCheck.STANDBY_LEADER, 503), Map.entry(HealthCheck.REPLICA, 200),
                Map.entry(HealthCheck.READ_ONLY, 200), Map.entry(HealthCheck.SYNC, 503),
                Map.entry(HealthCheck.ASYNC, 200), Map.entry(HealthCheck.HEALTH, 200),
                Map.entry(HealthCheck.LIVENESS, 200), Map.entry(HealthCheck.READINESS, 200));
        leaderCodes.forEach((check, code) -> assertEquals(code, leader.health(check).statusCode(), "leader " + check));
        replicaCodes.forEach((check, code) -> assertEquals(code, replica.health(check).statusCode(), "replica " + check));

        HealthResult primary = leader.health(HealthCheck.PRIMARY);
        assertTrue(primary.healthy());
        assertEquals(MemberRole.PRIMARY, primary.status().role(), "the body is the /patroni status");
        HealthResult notPrimary = replica.health(HealthCheck.PRIMARY);
        assertFalse(notPrimary.healthy());
        assertEquals(MemberRole.REPLICA, notPrimary.status().role(), "a 503 still carries the body");
        assertNull(leader.health(HealthCheck.LIVENESS).status(), "liveness answers with a status code only");
    }

    @Test
    void replicaCheckHonoursLagAndTagFilters() {
        PatroniMember replica = ops.member(replicaName);
        assertTrue(replica.health(HealthCheck.REPLICA, "16MB", Map.of()).healthy());
        assertFalse(replica.health(HealthCheck.REPLICA, null, Map.of("nofailover", "false")).healthy(),
                "tags set to false are not published, so they never match");
        assertFalse(replica.health(HealthCheck.REPLICA, null, Map.of("rack", "a")).healthy());
        assertThrows(OpsValidationException.class,
                () -> replica.health(HealthCheck.LIVENESS, "1MB", Map.of()));
    }

    @Test
    void healthCheckNamesIncludeTheLegacyPaths() {
        assertEquals(HealthCheck.PRIMARY, HealthCheck.fromPath("/master"));
        assertEquals(HealthCheck.PRIMARY, HealthCheck.fromPath("/"));
        assertEquals(HealthCheck.STANDBY_LEADER, HealthCheck.fromPath("/standby_leader"));
        assertEquals(List.of(200), List.of(ops.member(leaderName).health(HealthCheck.fromPath("/master")).statusCode()));
    }
}
