package io.opsstack.ssh.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;

/** The sync.sh flow on three sshd "hosts": web-1 is the verified reference, web-2 and web-3 follow it. */
class SyncRolloutTest {
    private static final List<String> STEPS = List.of("gate-web-1",
            "stop-web-2", "sync-web-2", "start-web-2", "gate-web-2",
            "stop-web-3", "sync-web-3", "start-web-3", "gate-web-3");
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
        Files.writeString(hosts.app("web-1").resolve("version.txt"), "v2\n");
    }

    @Test
    void updatesTheChangedFileOnEveryOtherNodeOneAtATime(@TempDir Path journal) throws Exception {
        Operation<Void> rollout = rolling.syncRollout(request());

        Plan plan = rollout.plan();

        assertEquals(STEPS, plan.steps().stream().map(PlannedStep::id).collect(Collectors.toList()));
        for (String node : List.of("web-2", "web-3")) {
            PlannedStep sync = plan.step("sync-" + node).orElseThrow();
            assertEquals(StepAction.SYNC, sync.action());
            assertEquals(Map.of("version.txt", "UPDATE (content differs)"), sync.after(), plan.render());
            assertTrue(sync.description().contains("0 add, 1 update, 0 delete, 1 unchanged"), sync.description());
        }
        assertTrue(plan.render().contains("version.txt: (unset) -> UPDATE (content differs)"), plan.render());

        CollectingListener events = ProgressListeners.collecting();
        OperationResult<Void> result = rollout.apply(plan, ApplyOptions.builder().journalDirectory(journal)
                .listener(events).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(STEPS, RollingRestartTest.startedSteps(events.events()));
        assertEquals(List.of("web-2 stop", "web-2 start", "web-3 stop", "web-3 start"), hosts.events());
        for (String node : hosts.names) {
            assertEquals("v2\n", Files.readString(hosts.app(node).resolve("version.txt")), node);
            assertTrue(served(node, "v2").passed(), node + " does not serve the new version");
        }

        Plan again = rolling.syncRollout(request()).plan();
        assertEquals(List.of(StepAction.WAIT, StepAction.NO_OP, StepAction.NO_OP),
                again.steps().stream().map(PlannedStep::action).collect(Collectors.toList()), again.render());
    }

    @Test
    void stopsAtTheNodeWhoseGateFailsAndLeavesTheNextOneAlone(@TempDir Path journal) throws Exception {
        Operation<Void> rollout = rolling.syncRollout(request());
        Plan plan = rollout.plan();
        hosts.breakNextStart("web-2");

        UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                () -> rollout.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));

        assertEquals(WebHosts.GATE, refused.guard());
        assertEquals("gate-web-2", refused.stepId().orElseThrow());
        assertTrue(refused.guardReason().contains("web-2"), refused.guardReason());
        assertEquals(List.of("web-2 stop", "web-2 start"), hosts.events());
        assertEquals("v2\n", Files.readString(hosts.app("web-2").resolve("version.txt")));
        assertEquals("v1\n", Files.readString(hosts.app("web-3").resolve("version.txt")), "web-3 was synced");
        assertTrue(served("web-3", "v1").passed(), "web-3 was disturbed");
    }

    @Test
    void anUnhealthyReferenceNodeStopsTheRolloutBeforeAnyChange(@TempDir Path journal) throws Exception {
        Files.delete(hosts.app("web-1").resolve("health"));
        Operation<Void> rollout = rolling.syncRollout(request());
        Plan plan = rollout.plan();
        assertFalse(plan.step("stop-web-2").orElseThrow().guards().get(0).passed(), plan.render());

        UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                () -> rollout.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));

        assertEquals(WebHosts.GATE, refused.guard());
        assertEquals("gate-web-1", refused.stepId().orElseThrow());
        assertTrue(refused.guardReason().contains("answered 404"), refused.guardReason());
        assertEquals(List.of(), hosts.events());
        assertEquals("v1\n", Files.readString(hosts.app("web-2").resolve("version.txt")));
    }

    private SyncRolloutRequest request() {
        return SyncRolloutRequest.fromReference(hosts.nodes, "web-1", hosts.root + "/{node}/app")
                .gate(hosts.httpGate()).clusterName("sync-web").build();
    }

    private static GateProbe served(String node, String version) {
        int port = hosts.ports.get(hosts.names.indexOf(node));
        return rolling.probe(HttpHealthGate.builder("version", "http://127.0.0.1:" + port + "/version.txt")
                .bodyContains(version).build(), hosts.nodes.get(node));
    }
}
