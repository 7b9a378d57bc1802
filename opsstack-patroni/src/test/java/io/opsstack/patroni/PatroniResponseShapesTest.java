package io.opsstack.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.api.metrics.PrometheusTextParser;
import io.opsstack.patroni.internal.Responses;
import io.opsstack.patroni.internal.ServerText;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.patroni.model.MemberStatus;

/**
 * Normalisation of Patroni 4.x answer shapes (fixtures written from the documented differences:
 * role {@code primary}, member name and scope present, replica state {@code streaming},
 * {@code pending_restart_reason}, the 4.1 lag fields, {@code quorum_standby}, metric labels
 * {@code {scope,name}}) next to the 3.0.2 forms the lab serves.
 */
class PatroniResponseShapesTest {

    private static final String STATUS_4X_PRIMARY = """
            {"state": "running", "postmaster_start_time": "2025-03-01 10:15:30.123456+00:00", "role": "primary",
             "server_version": 170004, "xlog": {"location": 67108864}, "timeline": 3,
             "replication": [{"usename": "replicator", "application_name": "pg2", "client_addr": "10.0.0.2",
                              "state": "streaming", "sync_state": "quorum", "sync_priority": 1}],
             "dcs_last_seen": 1740824130, "database_system_identifier": "7476985426352046291",
             "pending_restart": true,
             "pending_restart_reason": {"max_connections": {"old_value": "100", "new_value": "200"}},
             "tags": {"clonefrom": true, "failover_priority": 2},
             "patroni": {"version": "4.1.4", "scope": "pg-a", "name": "pg1"}}""";

    private static final String STATUS_4X_REPLICA = """
            {"state": "streaming", "role": "replica", "server_version": 170004,
             "xlog": {"received_location": 67108864, "replayed_location": 67100000,
                      "replayed_timestamp": "2025-03-01 10:20:00.5+00:00", "paused": false},
             "timeline": 3, "replication_state": "streaming", "sync_standby": true,
             "patroni": {"version": "4.1.4", "scope": "pg-a", "name": "pg2"}}""";

    private static final String STATUS_302_PRIMARY = """
            {"state": "running", "postmaster_start_time": "2026-11-22 02:39:40.051245+00:00", "role": "master",
             "server_version": 150018, "xlog": {"location": 50331808}, "timeline": 1,
             "dcs_last_seen": 1795315187, "database_system_identifier": "7575236478015463497",
             "patroni": {"version": "3.0.2", "scope": "opsstack"}}""";

    private static final String CLUSTER_41 = """
            {"members": [
               {"name": "pg1", "role": "leader", "state": "running", "api_url": "https://10.0.0.1:8008/patroni",
                "host": "10.0.0.1", "port": 5432, "timeline": 3, "tags": {"failover_priority": 2}},
               {"name": "pg2", "role": "quorum_standby", "state": "streaming", "api_url": "https://10.0.0.2:8008/patroni",
                "host": "10.0.0.2", "port": 5432, "timeline": 3, "lag": 0, "receive_lsn": "0/4000000",
                "receive_lag": 0, "replay_lsn": "0/3FFB5A0", "replay_lag": 8864, "pending_restart": true},
               {"name": "pg3", "role": "replica", "state": "in archive recovery", "api_url": "https://10.0.0.3:8008/patroni",
                "host": "10.0.0.3", "port": 5432, "lag": "unknown", "receive_lag": "unknown",
                "scheduled_restart": {"schedule": "2025-03-02T03:00:00+00:00", "postgres_version": "17.5"}}],
             "scope": "pg-a", "pause": true,
             "scheduled_switchover": {"at": "2025-03-02T02:00:00+01:00", "from": "pg1", "to": "pg2"}}""";

    @Test
    void primaryOf4xReadsLikeMasterOf302() {
        MemberStatus v4 = Responses.memberStatus(STATUS_4X_PRIMARY);
        MemberStatus v3 = Responses.memberStatus(STATUS_302_PRIMARY);
        assertEquals(MemberRole.PRIMARY, v4.role());
        assertEquals(MemberRole.PRIMARY, v3.role());
        assertEquals("primary", v4.rawRole());
        assertEquals("master", v3.rawRole());
        assertEquals("pg1", v4.name());
        assertNull(v3.name(), "3.0.2 has no member name; the client fills it in from /cluster");
        assertEquals("pg-a", v4.scope());
        assertEquals(4, v4.patroniMajorVersion());
        assertEquals(3, v3.patroniMajorVersion());
        assertEquals(Instant.parse("2025-03-01T10:15:30.123456Z"), v4.postmasterStartTime());
        assertEquals(67108864L, v4.wal().location());
        assertEquals(3, v4.timeline());
        assertTrue(v4.pendingRestart());
        assertEquals(Map.of("max_connections", "100 -> 200"), v4.pendingRestartReason());
        assertEquals(Map.of("clonefrom", "true", "failover_priority", "2"), v4.tags());
        assertEquals("quorum", v4.replication().get(0).syncState());
        assertTrue(v4.replication().get(0).isStreaming());
        assertEquals(1795315187L, v3.dcsLastSeen());
    }

    @Test
    void streamingReplicaOf4xCountsAsRunning() {
        MemberStatus replica = Responses.memberStatus(STATUS_4X_REPLICA);
        assertEquals(MemberRole.REPLICA, replica.role());
        assertTrue(replica.isRunning());
        assertEquals("streaming", replica.replicationState());
        assertTrue(replica.syncStandby());
        assertEquals(67100000L, replica.wal().replayedLocation());
        assertEquals(Boolean.FALSE, replica.wal().replayPaused());
        assertEquals(Instant.parse("2025-03-01T10:20:00.5Z"), replica.wal().replayedTimestamp());
        assertEquals(170004, replica.serverVersion());
    }

    @Test
    void cluster41CarriesScopeLagDetailsAndUnknownLag() {
        ClusterStatus cluster = Responses.cluster(CLUSTER_41);
        assertEquals("pg-a", cluster.scope());
        assertTrue(cluster.paused());
        assertEquals("pg2", cluster.scheduledSwitchover().to());
        assertEquals("pg1", cluster.scheduledSwitchover().from());
        ClusterMember leader = cluster.leader().orElseThrow();
        assertEquals("pg1", leader.name());
        assertNull(leader.lagBytes());
        ClusterMember quorum = cluster.member("pg2").orElseThrow();
        assertEquals(ClusterRole.QUORUM_STANDBY, quorum.role());
        assertTrue(quorum.isRunning(), "streaming is running");
        assertEquals(0L, quorum.lagBytes());
        assertEquals(8864L, quorum.replayLagBytes());
        assertTrue(quorum.pendingRestart());
        ClusterMember unknown = cluster.member("pg3").orElseThrow();
        assertTrue(unknown.lagUnknown());
        assertNull(unknown.lagBytes());
        assertNull(unknown.receiveLagBytes());
        assertEquals(0, unknown.timeline(), "no timeline published");
        assertEquals("2025-03-02T03:00:00+00:00", unknown.scheduledRestartAt());
        assertFalse(unknown.isRunning());
    }

    @Test
    void clusterViewExplainsWhyItHasNotConverged() {
        ClusterView view = ClusterView.of(Responses.cluster(CLUSTER_41));
        assertFalse(view.isConverged());
        List<String> problems = view.problems();
        assertTrue(problems.contains("pg3 is in archive recovery"), problems.toString());
        assertTrue(problems.contains("pg3 lag is unknown"), problems.toString());
        assertTrue(problems.contains("pg3 is on timeline 0, leader on 3"), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.startsWith("pg2")), "pg2 streams at lag 0: " + problems);
        assertTrue(view.problems("pg2").contains("leader is pg1, expected pg2"));
        assertEquals(List.of("pg2", "pg3"), view.replicas().stream().map(ClusterMember::name).toList());
    }

    @Test
    void aClusterWithoutLeaderOrWithTwoIsNotConverged() {
        ClusterStatus none = Responses.cluster("""
                {"members": [{"name": "a", "role": "replica", "state": "running", "lag": 0, "timeline": 2}]}""");
        assertEquals(List.of("no leader"), ClusterView.of(none).problems());
        assertTrue(ClusterView.of(none).leader().isEmpty());
        ClusterStatus two = Responses.cluster("""
                {"members": [{"name": "a", "role": "leader", "state": "running", "timeline": 2},
                             {"name": "b", "role": "standby_leader", "state": "running", "timeline": 2}]}""");
        assertTrue(ClusterView.of(two).problems().get(0).startsWith("more than one leader"));
        ClusterStatus converged = Responses.cluster("""
                {"members": [{"name": "a", "role": "standby_leader", "state": "running", "timeline": 2},
                             {"name": "b", "role": "replica", "state": "streaming", "timeline": 2, "lag": 0}]}""");
        assertTrue(ClusterView.of(converged).isConverged("a"));
    }

    @Test
    void historyRowsOfOldAndNewVersions() {
        List<HistoryEntry> history = Responses.history("""
                [[1, 50331808, "no recovery target specified"],
                 [2, 83886240, "no recovery target specified", "2025-03-01T10:15:30.123456+00:00", "pg2"]]""");
        assertEquals(2, history.size());
        assertNull(history.get(0).newLeader());
        assertEquals(2, history.get(1).timeline());
        assertEquals(83886240L, history.get(1).lsn());
        assertEquals("pg2", history.get(1).newLeader());
    }

    @Test
    void metricsOf302AndOf4xHaveTheirLabels() {
        PrometheusTextParser parser = PrometheusTextParser.create();
        MetricsPage v302 = parser.parse("""
                # HELP patroni_master Value is 1 if this node is the leader, 0 otherwise.
                # TYPE patroni_master gauge
                patroni_master{scope="opsstack"} 1
                # HELP patroni_postgres_server_version Version of Postgres (if running), 0 otherwise.
                # TYPE patroni_postgres_server_version gauge
                patroni_postgres_server_version {scope="opsstack"} 150018
                """);
        assertEquals(150018.0, v302.value("patroni_postgres_server_version", "scope", "opsstack").orElseThrow());
        assertEquals(1, v302.warnings().size(), "the stray space is reported");
        MetricsPage v4 = parser.parse("""
                # TYPE patroni_primary gauge
                patroni_primary{scope="pg-a",name="pg1"} 1
                """);
        assertEquals(1.0, v4.value("patroni_primary", "scope", "pg-a", "name", "pg1").orElseThrow());
        assertTrue(v4.value("patroni_master").isEmpty(), "4.x dropped patroni_master");
    }

    @Test
    void htmlErrorPagesOfPatronisHttpServerYieldTheirMessage() {
        String page = """
                <!DOCTYPE HTML>
                <html lang="en">
                    <head>
                        <meta charset="utf-8">
                        <title>Error response</title>
                    </head>
                    <body>
                        <h1>Error response</h1>
                        <p>Error code: 400</p>
                        <p>Message: Bad Request.</p>
                        <p>Error code explanation: 400 - Bad request syntax or unsupported method.</p>
                    </body>
                </html>
                """;
        assertEquals("Bad Request. (400 - Bad request syntax or unsupported method.)", ServerText.message(page));
        assertEquals("candidate does not exists", ServerText.message("candidate does not exists\n"));
        assertEquals("", ServerText.message(""));
    }

    @Test
    void errorKindsFollowStatusAndMessage() {
        assertEquals(PatroniErrorKind.PRECONDITION_FAILED, PatroniErrorKind.of(412, "leader name does not match"));
        assertEquals(PatroniErrorKind.OPERATION_FAILED, PatroniErrorKind.of(503, "Switchover failed"));
        assertEquals(PatroniErrorKind.STATUS_UNKNOWN, PatroniErrorKind.of(503, "Switchover status unknown"));
        assertEquals(PatroniErrorKind.RESTART_CONDITIONS_NOT_MET,
                PatroniErrorKind.of(503, "restart conditions are not satisfied"));
        assertEquals(PatroniErrorKind.OPERATION_FAILED, PatroniErrorKind.of(503, "restart failed"));
        assertEquals(PatroniErrorKind.UNAVAILABLE, PatroniErrorKind.of(503, "I am the leader, can not reinitialize"));
        assertEquals(PatroniErrorKind.BAD_REQUEST, PatroniErrorKind.of(400,
                "Switchover target and source are the same"));
        assertEquals(PatroniErrorKind.BAD_REQUEST, PatroniErrorKind.of(422, "Cannot schedule switchover in the past"));
        assertEquals(PatroniErrorKind.CONFLICT, PatroniErrorKind.of(409, "Another restart is already scheduled"));
        assertEquals(PatroniErrorKind.SERVER_ERROR, PatroniErrorKind.of(500, "Can't schedule restart in the paused state"));
    }
}
