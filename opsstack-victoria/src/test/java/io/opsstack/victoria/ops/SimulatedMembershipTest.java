package io.opsstack.victoria.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.testkit.service.ForwardingServiceControl;
import io.opsstack.testkit.victoria.SimulatedNode;
import io.opsstack.testkit.victoria.VmClusterSimulator;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.model.StorageNode;

/**
 * Membership operations and the ordered rolling restart against {@link VmClusterSimulator} —
 * <b>simulated</b>: real child processes and real TCP between them, but not the real cluster binaries.
 * The methods run in order on one simulator: restart, bad input, add (interrupted, then resumed),
 * refusals, remove in two phases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedMembershipTest {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final RolloutSettings FAST = RolloutSettings.builder().pollInterval(Duration.ofMillis(250))
            .reroutingWindow(Duration.ofMillis(600)).gateTimeout(Duration.ofSeconds(90)).serviceTimeout(Duration.ofSeconds(90))
            .build();
    private static VmClusterSimulator sim;
    private static FlagSource flags;
    private static CountingControl control;
    private static VictoriaClusterOps ops;

    @BeforeAll
    static void start() {
        sim = VmClusterSimulator.builder().name("membership").storageNodes(3).spareStorageNodes(1).insertNodes(2).selectNodes(2)
                .retentionPeriod("1d").build().start();
        Map<String, Path> files = new LinkedHashMap<>();
        sim.nodes().forEach(node -> files.put(node.name(), sim.flagsFile(node.name())));
        flags = FileFlagSource.argsFile(LocalFlagFiles.of(files));
        control = new CountingControl(sim.serviceControl());
        ops = VictoriaClusterOps.fromMap(sim.definitionMap());
        awaitHealthy(ops);
    }

    @AfterAll
    static void stop() {
        if (ops != null) {
            ops.close();
        }
        if (sim != null) {
            sim.close();
            assertTrue(sim.leftoverProcesses().isEmpty());
        }
    }

    @Test
    @Order(1)
    void rollingRestartGoesStorageInsertSelectOneNodeAtATime() {
        VmRollingRestartRequest request = VmRollingRestartRequest.builder().nodes("vmselect-1", "vminsert-2", "vmstorage-3")
                .settings(FAST).build();
        Operation<Void> restart = ops.rollingRestart(request, control);
        Plan plan = restart.plan();

        assertEquals(List.of("restart-vmstorage-3", "gate-vmstorage-3", "restart-vminsert-2", "gate-vminsert-2",
                "restart-vmselect-1", "gate-vmselect-1"), stepIds(plan));
        assertEquals(List.of("vm-cluster-healthy", "vm-rerouting-flat"), plan.step("restart-vmstorage-3").orElseThrow().guardNames());
        assertTrue(plan.step("restart-vmstorage-3").orElseThrow().guards().stream().allMatch(guard -> guard.passed()), plan.render());

        control.restarts.clear();
        CollectingListener events = ProgressListeners.collecting();
        OperationResult<Void> result = restart.apply(plan, ApplyOptions.builder().listener(events).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(List.of("vmstorage-3", "vminsert-2", "vmselect-1"), control.order);
        List<String> started = new ArrayList<>();
        for (StepEvent event : events.events()) {
            if (event instanceof StepStarted s) {
                started.add(s.stepId());
            }
        }
        assertEquals(stepIds(plan), started);
        assertTrue(ops.healthReport().healthy(), ops.healthReport().render());
    }

    @Test
    @Order(2)
    void badInputIsRefusedBeforeAnyChange() throws Exception {
        int restartsBefore = control.order.size();
        OpsValidationException unknown = assertThrows(OpsValidationException.class,
                () -> ops.rollingRestart(VmRollingRestartRequest.builder().nodes("vmstorage-9").build(), control));
        assertTrue(unknown.getMessage().contains("vmstorage-9"), unknown.getMessage());
        OpsValidationException notStorage = assertThrows(OpsValidationException.class,
                () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromVminsert("vminsert-1"), control, flags));
        assertTrue(notStorage.getMessage().contains("not a vmstorage"), notStorage.getMessage());
        assertThrows(OpsValidationException.class, () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromVminsert("nope"),
                control, flags));

        Path file = sim.flagsFile("vmselect-2");
        String original = Files.readString(file);
        Files.writeString(file, "-storageNode=" + sim.node("vmstorage-1").vmselectAddress() + "\n");
        try {
            StorageNode spare = spare();
            OpsValidationException disagrees = assertThrows(OpsValidationException.class,
                    () -> ops.addStorageNode(AddStorageNodeRequest.builder().node(spare).settings(FAST).build(), control, flags).plan());
            assertTrue(disagrees.getMessage().contains("vmselect vmselect-2 disagrees with the cluster definition"),
                    disagrees.getMessage());
        } finally {
            Files.writeString(file, original);
        }
        assertEquals(restartsBefore, control.order.size(), "nothing was restarted");
    }

    @Test
    @Order(3)
    void addStorageNodeResumesAfterAnInterruptedApply() {
        StorageNode spare = spare();
        Operation<Void> add = ops.addStorageNode(AddStorageNodeRequest.builder().node(spare).settings(FAST).build(), control, flags);
        Plan plan = add.plan();

        assertEquals(List.of("start-vmstorage-4", "health-vmstorage-4",
                "flags-vmselect-1", "restart-vmselect-1", "gate-vmselect-1",
                "flags-vmselect-2", "restart-vmselect-2", "gate-vmselect-2",
                "flags-vminsert-1", "restart-vminsert-1", "gate-vminsert-1",
                "flags-vminsert-2", "restart-vminsert-2", "gate-vminsert-2", "joined-vmstorage-4"), stepIds(plan));
        PlannedStep selectFlags = plan.step("flags-vmselect-1").orElseThrow();
        List<String> selectList = ops.definition().vmselectStorageList();
        assertEquals(String.join(",", selectList), selectFlags.before().get("storageNode"));
        assertEquals(String.join(",", selectList) + "," + spare.vmselectAddress(), selectFlags.after().get("storageNode"));

        InMemoryJournal journal = new InMemoryJournal();
        control.restarts.clear();
        control.failRestartOf = "vmselect-2";
        OpsException interrupted = assertThrows(OpsException.class, () -> add.apply(plan, ApplyOptions.builder().journal(journal).build()));
        assertEquals(Optional.of("restart-vmselect-2"), interrupted.stepId());
        assertEquals(Map.of("vmselect-1", 1), control.restarts);

        control.failRestartOf = null;
        OperationResult<Void> resumed = add.apply(plan, ApplyOptions.builder().journal(journal).build());

        assertEquals(OperationStatus.SUCCEEDED, resumed.status());
        assertEquals(Map.of("vmselect-1", 1, "vmselect-2", 1, "vminsert-1", 1, "vminsert-2", 1), control.restarts,
                "the resumed apply did not restart vmselect-1 again");
        for (String node : List.of("vminsert-1", "vminsert-2")) {
            assertTrue(sim.node(node).storageNodes().contains(spare.vminsertAddress()), node);
        }
        try (VictoriaClusterOps grown = VictoriaClusterOps.fromMap(withNode(sim.definitionMap(), spare))) {
            assertTrue(grown.checkTopology().consistent(), grown.checkTopology().toString());
            awaitHealthy(grown);
        }
    }

    @Test
    @Order(4)
    void removalIsRefusedWhileAnotherStorageNodeIsUnreachable() {
        try (VictoriaClusterOps grown = VictoriaClusterOps.fromMap(withNode(sim.definitionMap(), spare()))) {
            sim.stop("vmstorage-2");
            try {
                UnsafeOperationException refused = Waiter.<UnsafeOperationException>builder()
                        .poll(() -> refusal(grown, "vmstorage-1"))
                        .successWhen(e -> e != null && e.guard().equals("other-storage-reachable"))
                        .retryWhen(e -> true)
                        .backoff(Backoff.fixed(Duration.ofMillis(300))).timeout(SETTLE).build().await().value();
                assertTrue(refused.getMessage().contains(sim.node("vmstorage-2").vminsertAddress()), refused.getMessage());
            } finally {
                sim.start("vmstorage-2");
            }
            awaitHealthy(grown);
        }
    }

    @Test
    @Order(5)
    void removalIsRefusedWhenTheRestBreaksTheReplicationRule() {
        Map<String, Object> rf3 = withNode(sim.definitionMap(), spare());
        rf3.put("replication_factor", 3);
        try (VictoriaClusterOps strictRf = VictoriaClusterOps.fromMap(rf3)) {
            UnsafeOperationException refused = refusal(strictRf, "vmstorage-1");
            assertEquals("replication-factor-kept", refused.guard());
            assertTrue(refused.getMessage().contains("2*RF-1 = 5"), refused.getMessage());
        }
    }

    @Test
    @Order(6)
    void removalRunsInTwoPhasesAndWaitsForRetention() {
        try (VictoriaClusterOps grown = VictoriaClusterOps.fromMap(withNode(sim.definitionMap(), spare()))) {
            StorageNode removed = grown.definition().storageNode("vmstorage-1");
            Operation<StorageRemoval> fromInsert = grown.removeStorageNode(RemoveStorageNodeRequest.builder().node("vmstorage-1")
                    .settings(FAST).build(), control, flags);
            Plan plan = fromInsert.plan();
            assertEquals(List.of("flags-vminsert-1", "restart-vminsert-1", "gate-vminsert-1", "flags-vminsert-2",
                    "restart-vminsert-2", "gate-vminsert-2", "keep-vmstorage-1-in-vmselect"), stepIds(plan));
            assertFalse(plan.step("flags-vminsert-1").orElseThrow().after().get("storageNode").contains(removed.vminsertAddress()));
            assertEquals(expectedGoneAt(Instant.now()).toString().substring(0, 10),
                    plan.parameters().get("vmselect_removal_not_before").substring(0, 10));

            StorageRemoval first = fromInsert.apply(plan, ApplyOptions.defaults()).value();
            assertEquals(expectedGoneAt(first.removedFromVminsertAt()), first.vmselectRemovalNotBefore());
            for (String node : List.of("vminsert-1", "vminsert-2")) {
                assertFalse(sim.node(node).storageNodes().contains(removed.vminsertAddress()), node);
            }
            assertTrue(sim.node("vmselect-1").storageNodes().contains(removed.vmselectAddress()), "still read through vmselect");

            RemoveStorageNodeRequest fromSelect = RemoveStorageNodeRequest.builder().node("vmstorage-1")
                    .phase(RemovalPhase.FROM_VMSELECT).removedFromVminsertAt(first.removedFromVminsertAt()).settings(FAST).build();
            UnsafeOperationException early = assertThrows(UnsafeOperationException.class,
                    () -> grown.removeStorageNode(fromSelect, control, flags).plan());
            assertEquals("data-past-retention", early.guard());
            Plan late = grown.removeStorageNode(fromSelect.toBuilder().removedFromVminsertAt(Instant.now().minus(Duration.ofDays(70)))
                    .build(), control, flags).plan();
            assertTrue(late.step("flags-vmselect-1").isPresent());

            Operation<StorageRemoval> reingested = grown.removeStorageNode(fromSelect.toBuilder().removedFromVminsertAt(null)
                    .dataReingested(true).build(), control, flags);
            Plan second = reingested.plan();
            assertEquals(List.of("flags-vmselect-1", "restart-vmselect-1", "gate-vmselect-1", "flags-vmselect-2",
                    "restart-vmselect-2", "gate-vmselect-2", "stop-vmstorage-1"), stepIds(second));
            assertEquals(OperationStatus.SUCCEEDED, reingested.apply(second, ApplyOptions.defaults()).status());
            assertEquals(ServiceState.INACTIVE, sim.state("vmstorage-1"));
            for (String node : List.of("vmselect-1", "vmselect-2")) {
                assertFalse(sim.node(node).storageNodes().contains(removed.vmselectAddress()), node);
            }
        }
    }

    private static UnsafeOperationException refusal(VictoriaClusterOps cluster, String node) {
        try {
            cluster.removeStorageNode(RemoveStorageNodeRequest.builder().node(node).settings(FAST).build(), control, flags).plan();
            return null;
        } catch (UnsafeOperationException e) {
            return e;
        }
    }

    private static Instant expectedGoneAt(Instant removedAt) {
        LocalDate nextMonth = removedAt.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1);
        return nextMonth.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(1));
    }

    private static StorageNode spare() {
        SimulatedNode node = sim.spareStorageNodes().get(0);
        return new StorageNode(node.name(), node.httpAddress(), port(node.vminsertAddress()), port(node.vmselectAddress()), null,
                "vmstorage");
    }

    private static Map<String, Object> withNode(Map<String, Object> definition, StorageNode node) {
        Map<String, Object> map = new LinkedHashMap<>(definition);
        @SuppressWarnings("unchecked")
        List<Object> storage = new ArrayList<>((List<Object>) map.get("vmstorage"));
        storage.add(Map.of("name", node.name(), "http", node.httpAddress(), "vminsert_port", node.vminsertPort(),
                "vmselect_port", node.vmselectPort()));
        map.put("vmstorage", storage);
        return map;
    }

    private static void awaitHealthy(VictoriaClusterOps cluster) {
        Waiter.<Boolean>builder().poll(() -> cluster.healthReport().healthy()).successWhen(healthy -> healthy)
                .retryWhen(healthy -> true).backoff(Backoff.fixed(Duration.ofMillis(300))).timeout(SETTLE)
                .description("a healthy simulated cluster").build().await();
    }

    private static List<String> stepIds(Plan plan) {
        return plan.steps().stream().map(PlannedStep::id).toList();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** The simulator's service control, counting restarts per node and failing one on request. */
    private static final class CountingControl extends ForwardingServiceControl {
        final Map<String, Integer> restarts = new ConcurrentHashMap<>();
        final List<String> order = new ArrayList<>();
        volatile String failRestartOf;

        CountingControl(ServiceControl delegate) {
            super(delegate);
        }

        @Override
        public void restart(String node, Duration timeout) {
            if (node.equals(failRestartOf)) {
                throw new IllegalStateException("injected failure before restarting " + node);
            }
            delegate().restart(node, timeout);
            restarts.merge(node, 1, Integer::sum);
            order.add(node);
        }
    }
}
