package io.opsstack.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.patroni.model.ActionResult;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.MemberStatus;
import io.opsstack.patroni.model.RestartRequest;
import io.opsstack.patroni.model.RestartRole;
import io.opsstack.patroni.model.SwitchoverRequest;

/** Mutating calls and error mapping against the real lab; each test leaves the cluster converged. */
class PatroniWritesTest {

    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private static PatroniOps ops;
    private String leader;
    private String replica;

    @BeforeAll
    static void connect() {
        LabClusters.lab().ensureHealthy();
        ops = LabClusters.ops();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void readRoles() throws InterruptedException {
        ClusterView view = LabClusters.awaitConverged(ops, null, CONVERGE);
        leader = view.leader().orElseThrow().name();
        replica = view.replicas().get(0).name();
    }

    @AfterEach
    void leaveConverged() throws InterruptedException {
        LabClusters.lab().ensureHealthy();
        LabClusters.awaitConverged(ops, null, CONVERGE);
    }

    @Test
    void patchConfigSetsAndRemovesAParameter() throws InterruptedException {
        DynamicConfig set = ops.patchConfig(Map.of("postgresql", Map.of("parameters", Map.of("work_mem", "8MB"))));
        assertEquals("8MB", set.postgresqlParameters().get("work_mem"));
        assertEquals("50", set.postgresqlParameters().get("max_connections"), "a merge patch keeps the other keys");
        for (PatroniMember member : ops.members()) {
            LabClusters.eventually(member + " sees work_mem", Duration.ofSeconds(15),
                    () -> "8MB".equals(member.config().postgresqlParameters().get("work_mem")));
        }

        Map<String, Object> remove = new HashMap<>();
        remove.put("work_mem", null);
        DynamicConfig removed = ops.patchConfig(Map.of("postgresql", Map.of("parameters", remove)));
        assertFalse(removed.postgresqlParameters().containsKey("work_mem"));
        for (PatroniMember member : ops.members()) {
            LabClusters.eventually(member + " no longer sees work_mem", Duration.ofSeconds(15),
                    () -> !member.config().postgresqlParameters().containsKey("work_mem"));
        }
        assertThrows(OpsValidationException.class, () -> ops.patchConfig(Map.of()));
    }

    @Test
    void putConfigWritesTheWholeConfiguration() {
        DynamicConfig before = ops.config();
        DynamicConfig written = ops.putConfig(before.toMap());
        assertEquals(before, written);
        assertEquals(before, ops.config());
    }

    @Test
    void switchoverToANamedCandidateConverges() throws InterruptedException {
        long timelineBefore = ops.member(leader).status().timeline();
        ActionResult result = ops.switchover(SwitchoverRequest.of(leader, replica));
        assertEquals(200, result.statusCode());
        assertEquals("Successfully switched over to \"" + replica + "\"", result.message());

        ClusterView view = LabClusters.awaitConverged(ops, replica, CONVERGE);
        assertEquals(replica, view.leader().orElseThrow().name());
        assertTrue(view.replicas().stream().anyMatch(member -> member.name().equals(leader)),
                "the old leader rejoined as a replica");
        MemberStatus promoted = ops.member(replica).status();
        assertEquals(timelineBefore + 1, promoted.timeline());
        List<HistoryEntry> history = ops.history();
        HistoryEntry last = history.get(history.size() - 1);
        assertEquals(timelineBefore, last.timeline());
        assertEquals(replica, last.newLeader());
    }

    @Test
    void switchoverRefusalsCarryPatronisReason() {
        PatroniServiceException noCandidate = assertThrows(PatroniServiceException.class,
                () -> ops.switchover(SwitchoverRequest.of(leader, "no-such-member")));
        assertEquals(412, noCandidate.statusCode());
        assertEquals(PatroniErrorKind.PRECONDITION_FAILED, noCandidate.kind());
        assertEquals("candidate does not exists", noCandidate.serverReason());
        assertTrue(noCandidate.getMessage().contains("candidate does not exists"), noCandidate.getMessage());
        assertFalse(noCandidate.isRetryable());

        PatroniServiceException wrongLeader = assertThrows(PatroniServiceException.class,
                () -> ops.member(leader).switchover(SwitchoverRequest.of(replica, null)));
        assertEquals(PatroniErrorKind.PRECONDITION_FAILED, wrongLeader.kind());
        assertEquals("leader name does not match", wrongLeader.serverReason());

        PatroniServiceException noneScheduled = assertThrows(PatroniServiceException.class,
                () -> ops.cancelScheduledSwitchover());
        assertEquals(404, noneScheduled.statusCode());
        assertEquals("no switchover is scheduled", noneScheduled.serverReason());
        assertEquals(leader, ops.clusterView().leader().orElseThrow().name(), "nothing changed");
    }

    @Test
    void scheduledSwitchoverCanBeCancelled() {
        OffsetDateTime inAnHour = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusHours(1);
        ActionResult scheduled = ops.switchover(SwitchoverRequest.builder().leader(leader).candidate(replica)
                .scheduledAt(inAnHour).build());
        assertEquals(202, scheduled.statusCode());
        assertTrue(scheduled.scheduled());
        assertNotNull(ops.cluster().scheduledSwitchover());
        assertEquals(replica, ops.cluster().scheduledSwitchover().to());
        assertEquals(200, ops.cancelScheduledSwitchover().statusCode());
        assertEquals(null, ops.cluster().scheduledSwitchover());
    }

    @Test
    void restartOfAReplicaRestartsItsPostgres() {
        PatroniMember member = ops.member(replica);
        Instant startedBefore = member.status().postmasterStartTime();
        ActionResult result = member.restart(RestartRequest.builder().role(RestartRole.REPLICA).build());
        assertEquals(200, result.statusCode());
        assertEquals("restarted successfully", result.message());
        assertNotEquals(startedBefore, member.status().postmasterStartTime());
    }

    @Test
    void restartFiltersThatDoNotMatchRestartNothing() {
        PatroniMember member = ops.member(replica);
        Instant startedBefore = member.status().postmasterStartTime();
        PatroniServiceException wrongRole = assertThrows(PatroniServiceException.class,
                () -> member.restart(RestartRequest.builder().role(RestartRole.PRIMARY).build()));
        assertEquals(503, wrongRole.statusCode());
        assertEquals(PatroniErrorKind.RESTART_CONDITIONS_NOT_MET, wrongRole.kind());
        PatroniServiceException nothingPending = assertThrows(PatroniServiceException.class,
                () -> member.restart(RestartRequest.builder().restartPending(true).build()));
        assertEquals(PatroniErrorKind.RESTART_CONDITIONS_NOT_MET, nothingPending.kind());
        assertEquals(startedBefore, member.status().postmasterStartTime());
    }

    @Test
    void scheduledRestartCanBeCancelled() {
        PatroniMember member = ops.member(replica);
        ActionResult scheduled = member.restart(RestartRequest.builder()
                .schedule(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)).build());
        assertEquals(202, scheduled.statusCode());
        assertNotNull(member.status().scheduledRestartAt());
        ClusterMember listed = ops.cluster().member(replica).orElseThrow();
        assertNotNull(listed.scheduledRestartAt(), "the schedule is published in the DCS");
        assertEquals("scheduled restart deleted", member.cancelScheduledRestart().message());
        PatroniServiceException none = assertThrows(PatroniServiceException.class, member::cancelScheduledRestart);
        assertEquals(PatroniErrorKind.NOT_FOUND, none.kind());
        assertEquals("no restarts are scheduled", none.serverReason());
    }

    @Test
    void reloadIsQueuedAndTheLeaderRefusesToReinitialize() {
        ActionResult reload = ops.member(replica).reload();
        assertEquals(202, reload.statusCode());
        assertEquals("reload scheduled", reload.message());
        PatroniServiceException refused = assertThrows(PatroniServiceException.class,
                () -> ops.member(leader).reinitialize(false));
        assertEquals(503, refused.statusCode());
        assertEquals(PatroniErrorKind.UNAVAILABLE, refused.kind());
        assertTrue(refused.serverReason().contains("I am the leader"), refused.serverReason());
    }

    @Test
    void unsafeMethodsNeedCredentialsWhileReadsDoNot() {
        try (PatroniOps anonymous = PatroniOps.connect(LabClusters.lab().restEndpoints().stream()
                .map(Object::toString).toArray(String[]::new))) {
            assertEquals(3, anonymous.cluster().members().size(), "GETs are never authenticated");
            OpsAuthException patch = assertThrows(OpsAuthException.class,
                    () -> anonymous.patchConfig(Map.of("loop_wait", 2)));
            assertEquals(401, patch.statusCode());
            OpsAuthException switchover = assertThrows(OpsAuthException.class,
                    () -> anonymous.switchover(SwitchoverRequest.of(leader, replica)));
            assertEquals(401, switchover.statusCode());
            assertThrows(OpsAuthException.class, () -> anonymous.member(replica).restart());
        }
        assertEquals(leader, ops.clusterView().leader().orElseThrow().name(), "nothing changed");
    }

    @Test
    void aKilledReplicaShowsUpAsNotConvergedUntilItIsBack() throws InterruptedException {
        LabClusters.lab().kill(replica);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            seen = !ops.clusterView().isConverged();
            Thread.sleep(250);
        }
        assertTrue(seen, "the cluster view notices the dead replica");
        LabClusters.lab().start(replica);
        LabClusters.awaitConverged(ops, leader, CONVERGE);
    }
}
