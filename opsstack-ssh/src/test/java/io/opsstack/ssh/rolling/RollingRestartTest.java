package io.opsstack.ssh.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;

/** A rolling restart of three real http.server processes on three sshd "hosts", behind an HTTP gate. */
class RollingRestartTest {
    private static final List<String> STEPS = List.of(
            "stop-web-1", "start-web-1", "gate-web-1",
            "stop-web-2", "start-web-2", "gate-web-2",
            "stop-web-3", "start-web-3", "gate-web-3");
    @TempDir
    static Path dir;
    private static WebHosts hosts;
    private static RollingOps rolling;

    @BeforeAll
    static void start() throws Exception {
        hosts = new WebHosts(dir);
        rolling = RollingOps.create(hosts.ssh, hosts.control);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @BeforeEach
    void healthyHosts() throws Exception {
        hosts.reset();
    }

    @Test
    void restartsEveryNodeInOrderAndMovesOnOnlyAfterItsGatePasses(@TempDir Path journal) throws Exception {
        Map<String, String> pidsBefore = pids();
        Operation<Void> restart = rolling.rollingRestart(request());

        Plan plan = restart.plan();

        assertEquals(STEPS, plan.steps().stream().map(PlannedStep::id).collect(Collectors.toList()));
        assertEquals("ssh/rolling-web", plan.target());
        PlannedStep stop2 = plan.step("stop-web-2").orElseThrow();
        assertEquals(List.of("other-nodes-healthy"), stop2.guardNames());
        assertTrue(stop2.guards().get(0).passed(), stop2.guards().get(0).reason());
        assertTrue(stop2.guards().get(0).reason().contains("web-1") && stop2.guards().get(0).reason().contains("web-3"),
                stop2.guards().get(0).reason());
        String gate2 = plan.step("gate-web-2").orElseThrow().description();
        assertTrue(gate2.contains("http-ok") && gate2.contains(":" + hosts.ports.get(1) + "/health"), gate2);
        assertTrue(plan.render().contains("stop web"), plan.render());
        assertEquals(List.of(), hosts.events(), "planning changed something");

        CollectingListener events = ProgressListeners.collecting();
        OperationResult<Void> result = restart.apply(plan, options(journal).listener(events).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(List.of("web-1 stop", "web-1 start", "web-2 stop", "web-2 start", "web-3 stop", "web-3 start"),
                hosts.events());
        assertEquals(STEPS, startedSteps(events.events()));
        assertTrue(indexOf(events.events(), StepSucceeded.class, "gate-web-1")
                < indexOf(events.events(), StepStarted.class, "stop-web-2"), "web-2 went down before web-1 passed its gate");
        for (String name : hosts.names) {
            assertNotEquals(pidsBefore.get(name), hosts.pid(name), name + " was not restarted");
        }
    }

    @Test
    void aNodeFailingItsGateStopsTheRestartThereAndAResumeContinuesFromIt(@TempDir Path journal) throws Exception {
        String web3Before = hosts.pid("web-3");
        Operation<Void> restart = rolling.rollingRestart(request());
        Plan plan = restart.plan();
        hosts.breakNextStart("web-2");

        UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                () -> restart.apply(plan, options(journal).build()));

        assertEquals(WebHosts.GATE, refused.guard());
        assertTrue(refused.guardReason().contains("web-2") && refused.guardReason().contains(":" + hosts.ports.get(1) + "/health")
                && refused.guardReason().contains("connection refused"),
                refused.guardReason());
        assertEquals("gate-web-2", refused.stepId().orElseThrow());
        assertEquals(List.of("web-1 stop", "web-1 start", "web-2 stop", "web-2 start"), hosts.events());
        assertEquals(web3Before, hosts.pid("web-3"), "web-3 was touched after web-2 failed its gate");

        hosts.repair("web-2");
        hosts.clearEvents();
        OperationResult<Void> resumed = restart.apply(plan, options(journal).build());

        assertEquals(OperationStatus.SUCCEEDED, resumed.status());
        assertEquals(STEPS.subList(0, 5), resumed.stepIds(StepStatus.SKIPPED));
        assertEquals(STEPS.subList(5, 9), resumed.stepIds(StepStatus.SUCCEEDED));
        assertEquals(List.of("web-3 stop", "web-3 start"), hosts.events());
    }

    @Test
    void anUnhealthyNodeBlocksTakingAnotherOneDown(@TempDir Path journal) throws Exception {
        Operation<Void> restart = rolling.rollingRestart(request());
        Plan plan = restart.plan();
        // web-3 restarted by hand with a bad port: unhealthy before the rollout reaches it
        hosts.breakNextStart("web-3");
        hosts.restartByHand("web-3");
        hosts.clearEvents();

        UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                () -> restart.apply(plan, options(journal).build()));

        assertEquals("other-nodes-healthy", refused.guard());
        assertEquals("stop-web-1", refused.stepId().orElseThrow());
        assertTrue(refused.guardReason().contains("web-3") && refused.guardReason().contains(WebHosts.GATE), refused.guardReason());
        assertEquals(List.of(), hosts.events(), "the rollout stopped a node");
    }

    @Test
    void batchesStayWithinTheUnavailableBudgetAndPauseBetweenThem(@TempDir Path journal) throws Exception {
        Operation<Void> restart = rolling.rollingRestart(request().toBuilder()
                .maxUnavailable(2).method(RestartMethod.RESTART).pauseBetweenHosts(Duration.ofMillis(300)).build());

        Plan plan = restart.plan();

        assertEquals(List.of("restart-web-1", "restart-web-2", "gate-web-1", "gate-web-2", "pause-after-web-2",
                "restart-web-3", "gate-web-3"), plan.steps().stream().map(PlannedStep::id).collect(Collectors.toList()));
        assertEquals("restart-batch-1", plan.step("restart-web-2").orElseThrow().parallelGroup());
        String budget = plan.step("restart-web-1").orElseThrow().guards().get(0).reason();
        assertTrue(budget.contains("web-3") && !budget.contains("web-2"), budget);

        OperationResult<Void> result = restart.apply(plan, options(journal).maxParallel(2).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        List<String> events = hosts.events();
        assertEquals(6, events.size(), events.toString());
        assertEquals(List.of("web-3 stop", "web-3 start"), events.subList(4, 6));
    }

    private RollingRestartRequest request() {
        return RollingRestartRequest.builder(hosts.nodes).gate(hosts.httpGate()).clusterName("rolling-web").build();
    }

    private static ApplyOptions.Builder options(Path journal) {
        return ApplyOptions.builder().journalDirectory(journal);
    }

    private static Map<String, String> pids() throws Exception {
        Map<String, String> pids = new HashMap<>();
        for (String name : hosts.names) {
            pids.put(name, hosts.pid(name));
        }
        return pids;
    }

    static List<String> startedSteps(List<StepEvent> events) {
        return events.stream().filter(StepStarted.class::isInstance).map(StepEvent::stepId).collect(Collectors.toList());
    }

    static int indexOf(List<StepEvent> events, Class<? extends StepEvent> type, String stepId) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i)) && stepId.equals(events.get(i).stepId())) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + stepId + " in " + events);
    }
}
