package io.opsstack.patroni.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepWaiting;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniErrorKind;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.patroni.ops.SwitchoverResult;
import io.opsstack.testkit.fault.FaultSpec;
import io.opsstack.testkit.patroni.PatroniLab;
import io.opsstack.testkit.patroni.WriteProbe;
import io.opsstack.testkit.patroni.WriteProbeReport;

/**
 * Patroni's REST API behind fault proxies on the real lab: reads are retried through a 503 and a
 * reset; {@code POST /switchover} is never retried — refused by a 503 nothing changes, and when the
 * answer of an executed switchover is lost the operation says the outcome is unknown, watches
 * {@code /cluster} instead of resending, and the cluster switches exactly once.
 */
@Timeout(300)
class PatroniFaultsTest {
    private static final String SWITCHOVER = "/switchover";

    private PatroniLab lab;
    private PatroniProxies proxies;
    private PatroniOps ops;

    @TempDir
    Path journal;

    @BeforeEach
    void start() {
        lab = PatroniLab.shared();
        lab.ensureHealthy();
        proxies = new PatroniProxies(lab);
        ops = proxies.ops();
    }

    @AfterEach
    void stop() {
        ops.close();
        proxies.close();
    }

    @Test
    void readsAreRetriedThroughA503AndAReset() {
        proxies.failNextOnFirstMember(FaultSpec.serviceUnavailable().matching("GET", "/cluster"));
        proxies.failNextOnFirstMember(FaultSpec.resetBeforeForward().matching("GET", "/cluster"));
        try (PatroniOps firstMember = proxies.firstMemberOps()) {
            ClusterStatus cluster = firstMember.cluster();
            assertEquals(lab.memberNames().size(), cluster.members().size());
        }
        assertEquals(3, proxies.attempts("GET", "/cluster"), "503, reset, success:\n" + proxies.requests());
        assertEquals(1, proxies.forwarded("GET", "/cluster"));
    }

    @Test
    void aSwitchoverRefusedWithA503IsNotRetriedAndNothingChanges() {
        String leader = lab.leaderName();
        Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.toAnyReplica());
        Plan plan = switchover.plan();
        proxies.failNextOnEveryMember(FaultSpec.serviceUnavailable().matching("POST", SWITCHOVER));

        PatroniServiceException refused = assertThrows(PatroniServiceException.class,
                () -> switchover.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));
        assertEquals(503, refused.statusCode());
        assertEquals(PatroniErrorKind.UNAVAILABLE, refused.kind());
        assertEquals(1, proxies.attempts("POST", SWITCHOVER), "not retried:\n" + proxies.requests());
        assertEquals(0, proxies.forwarded("POST", SWITCHOVER));
        assertEquals(leader, ops.clusterView().leader().orElseThrow().name());
    }

    @Test
    void aSwitchoverWhoseAnswerIsLostIsNotResentAndHappensExactlyOnce() throws Exception {
        String leader = lab.leaderName();
        int historyBefore = ops.history().size();
        Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.toAnyReplica());
        Plan plan = switchover.plan();
        String candidate = plan.parameters().get("candidate");
        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).operationId("faults-" + plan.id()).build();

        // Patroni executes the switchover; the client only sees the connection reset
        proxies.failNextOnEveryMember(FaultSpec.resetAfterForward().matching("POST", SWITCHOVER));
        OperationResult<SwitchoverResult> result;
        WriteProbeReport writes;
        try (WriteProbe probe = WriteProbe.start(lab)) {
            result = switchover.apply(plan, options);
            writes = probe.stop();
        }
        System.out.println("switchover whose answer was lost, write probe: " + writes.toMap());

        assertEquals(OperationStatus.SUCCEEDED, result.status(), result.toString());
        assertEquals(candidate, result.value().leader());
        assertTrue(waitingMessages(result.events()).stream().anyMatch(m -> m.contains("outcome unknown")),
                "the run said the outcome was unknown: " + result.events());
        assertEquals(1, proxies.attempts("POST", SWITCHOVER), "never resent:\n" + proxies.requests());
        assertEquals(1, proxies.forwarded("POST", SWITCHOVER));
        assertEquals(historyBefore + 1, ops.history().size(), "exactly one new timeline");
        assertEquals(0, writes.lost(), "acknowledged writes lost: " + writes);

        // applying the same operation again resumes from the journal: nothing runs twice
        OperationResult<SwitchoverResult> again = switchover.apply(plan, options);
        assertEquals(StepStatus.SKIPPED, again.step("switchover").orElseThrow().status());
        assertEquals(1, proxies.attempts("POST", SWITCHOVER));
        assertEquals(historyBefore + 1, ops.history().size());
        ClusterView view = ops.clusterView();
        assertEquals(candidate, view.leader().orElseThrow().name());
        assertNotEquals(leader, candidate);
    }

    private static List<String> waitingMessages(List<StepEvent> events) {
        return events.stream().filter(StepWaiting.class::isInstance).map(e -> ((StepWaiting) e).message()).toList();
    }
}
