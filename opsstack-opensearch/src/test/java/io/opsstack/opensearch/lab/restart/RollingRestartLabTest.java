package io.opsstack.opensearch.lab.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.journal.Journal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.SnapshotApi;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import io.opsstack.testkit.opensearch.ProbeReport;
import io.opsstack.testkit.opensearch.WriteReadProbe;

/**
 * Rolling restarts on a real 4-node hot/warm/cold lab (two hot nodes) with replicated data and a client
 * writing and reading throughout: node order, restored allocation settings, guards halting on a killed
 * node, resume by operation id, one apply at a time; and a snapshot and restore through the operations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartLabTest {

    private static final String ENABLE = "cluster.routing.allocation.enable";
    private static final String RECOVERIES = "cluster.routing.allocation.node_concurrent_recoveries";
    private static final String DELAYED = "index.unassigned.node_left.delayed_timeout";
    private static final Map<String, OpenSearchLab> LABS = new LinkedHashMap<>();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final List<String> indices = new ArrayList<>();

    static synchronized OpenSearchLab lab(String version) {
        return LABS.computeIfAbsent(version, v -> OpenSearchLab.builder().version(v).topology(LabTopology.hotWarmColdTwoHot())
                .clusterName("rolling-" + v.replace('.', '-')).pathRepo(Path.of("snapshots")).build().start());
    }

    static OpenSearchOps ops(String version) {
        return OpenSearchOps.builder().endpoints(lab(version).httpEndpoints()).build();
    }

    @AfterAll
    static synchronized void closeLabs() {
        LABS.values().forEach(OpenSearchLab::close);
        LABS.clear();
    }

    @AfterEach
    void cleanUp() {
        LABS.values().forEach(OpenSearchLab::ensureAllRunning);
        for (OpenSearchLab lab : LABS.values()) {
            try (OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
                indices.forEach(os::deleteIndex);
                os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, null).build());
            }
        }
    }

    @Order(1)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void restartsEveryNodeWhileAClientWritesAndReadsWithoutAFailedRead(String version) {
        OpenSearchLab lab = lab(version);
        try (OpenSearchOps os = ops(version)) {
            Map<String, Long> counts = createData(os, 6);
            List<String> probeIndices = List.of(index(os, "probe-a"), index(os, "probe-b"));
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "all").build());
            awaitGreen(os);

            SettingsAtStop control = new SettingsAtStop(lab.serviceControl(), os, List.of(ENABLE, RECOVERIES));
            Operation<Void> restart = os.rollingRestart(RollingRestartRequest.builder().build(), control);
            Plan plan = restart.plan();
            List<String> order = List.of(plan.parameters().get("order").split(","));
            assertEquals(4, order.size(), plan.render());
            assertEquals(os.nodes().stream().filter(n -> n.id().equals(os.clusterManagerNodeId())).findFirst()
                    .orElseThrow().name(), order.get(3), "the elected cluster manager goes last: " + plan.render());
            assertTrue(plan.render().contains("[pass] primaries-have-started-copies"), plan.render());

            CollectingListener events = ProgressListeners.collecting();
            OperationResult<Void> result;
            ProbeReport report;
            try (WriteReadProbe probe = WriteReadProbe.builder(lab).indices(probeIndices).start()) {
                // the lease lives in the cluster being restarted and is renewed every 5 s, also while nodes are down
                result = restart.apply(plan, options(events, new InMemoryJournal()).leaseStore(os.leaseStore())
                        .leaseTtl(Duration.ofSeconds(15)).build());
                report = probe.stop();
                probe.verify().requireComplete();
            }

            assertEquals(OperationStatus.SUCCEEDED, result.status());
            assertEquals(order.stream().map(node -> "restart-" + node).toList(), startedRestarts(result.events()));
            assertEquals(0, report.readFailures(), report.toString());
            assertEquals(0, report.readMisses(), report.toString());
            assertTrue(report.totalAcknowledgedWrites() > 0, report.toString());
            assertEquals("all", os.clusterSettings(false).persistent().get(ENABLE), "the prior explicit value is back");
            assertEquals(Collections.nCopies(4, Map.of(ENABLE, "primaries", RECOVERIES,
                    String.valueOf(RollingRestartRequest.DEFAULT_RECOVERY_CONCURRENCY))), control.seen(),
                    "each node went down with allocation held at primaries and the recovery concurrency raised");
            assertNull(os.clusterSettings(false).persistent().get(RECOVERIES), "the raised recovery concurrency is unset again");
            os.refresh();
            counts.forEach((index, count) -> assertEquals(count, os.count(index), index));
            awaitGreen(os);
            os.leaseStore().acquire(restart.target(), "next-operator", "next", Duration.ofMinutes(1)).release();
        }
    }

    @Order(2)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void aNodeKilledMidRunHaltsTheNextGuardAndTheSameOperationIdResumes(String version) {
        OpenSearchLab lab = lab(version);
        try (OpenSearchOps os = ops(version)) {
            List<String> data = new ArrayList<>(createData(os, 2).keySet());
            os.putIndexSettings(data.get(0), Map.of(DELAYED, "45s"));
            awaitGreen(os);
            Operation<Void> restart = os.rollingRestart(RollingRestartRequest.builder()
                    .node("opensearch-hot-2").node("opensearch-warm-1").delayedAllocation(Duration.ofMinutes(3)).build(),
                    lab.serviceControl());
            Plan plan = restart.plan();
            String first = plan.steps().get(1).id();
            Journal journal = new InMemoryJournal();
            ProgressListenerKill killer = new ProgressListenerKill(lab, first, "opensearch-cold-1");

            UnsafeOperationException halted = assertThrows(UnsafeOperationException.class,
                    () -> restart.apply(plan, options(killer, journal).operationId("resume-" + version).build()));

            assertEquals("max-unavailable-budget", halted.guard(), halted.getMessage());
            assertTrue(halted.guardReason().contains("opensearch-cold-1"), halted.guardReason());
            assertNull(os.clusterSettings(false).persistent().get(ENABLE), "allocation is back to unset after the halt");
            assertEquals("45s", os.indexSettings(data.get(0)).get(DELAYED), "the user's delayed timeout is back");
            assertNull(os.indexSettings(data.get(1)).get(DELAYED), "an unset delayed timeout is unset again");

            lab.start("opensearch-cold-1");
            awaitGreen(os);
            CollectingListener events = ProgressListeners.collecting();
            OperationResult<Void> resumed = restart.apply(plan, options(events, journal)
                    .operationId("resume-" + version).build());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status());
            assertEquals(List.of(plan.steps().get(2).id()), startedRestarts(resumed.events()), "only the rest runs");
            assertNull(os.clusterSettings(false).persistent().get(ENABLE));
            assertEquals("45s", os.indexSettings(data.get(0)).get(DELAYED));
            assertNull(os.indexSettings(data.get(1)).get(DELAYED));
        }
    }

    @Order(3)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void twoConcurrentAppliesRunExactlyOnce(String version) throws Exception {
        OpenSearchLab lab = lab(version);
        try (OpenSearchOps os = ops(version)) {
            // the lease index is created on first use; let its replicas settle before the restart's pre-flight
            os.leaseStore().acquire("warm-up-" + version, "test", "warm-up", Duration.ofSeconds(30)).release();
            awaitGreen(os);
            Operation<Void> restart = os.rollingRestart(RollingRestartRequest.builder().node("opensearch-cold-1").build(),
                    lab.serviceControl());
            Plan plan = restart.plan();
            ApplyOptions.Builder options = ApplyOptions.builder().leaseStore(os.leaseStore())
                    .journal(new InMemoryJournal()).leaseTtl(Duration.ofMinutes(1));

            CompletableFuture<OperationResult<Void>> one = restart.applyAsync(plan, options.owner("one").build());
            CompletableFuture<OperationResult<Void>> two = restart.applyAsync(plan, options.owner("two").build());
            List<Object> outcomes = new ArrayList<>();
            for (CompletableFuture<OperationResult<Void>> future : List.of(one, two)) {
                try {
                    outcomes.add(future.get(5, TimeUnit.MINUTES).status());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }

            assertEquals(1, outcomes.stream().filter(OperationStatus.SUCCEEDED::equals).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter(LeaseHeldException.class::isInstance).count(), outcomes.toString());
        }
    }

    @Order(4)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void unknownNodeIsRefusedBeforeAnyChange(String version) {
        try (OpenSearchOps os = ops(version)) {
            String before = rawSettings(lab(version));
            Operation<Void> restart = os.rollingRestart(RollingRestartRequest.builder().node("opensearch-hot-9").build(),
                    lab(version).serviceControl());

            OpsValidationException refused = assertThrows(OpsValidationException.class, restart::plan);

            assertTrue(refused.getMessage().contains("opensearch-hot-9"), refused.getMessage());
            assertEquals(before, rawSettings(lab(version)));
        }
    }

    @Order(5)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void snapshotsAndRestoresAnIndexThroughTheOperations(String version) {
        Path pathRepo = lab(version).pathRepo().orElseThrow();
        try (OpenSearchOps os = ops(version)) {
            Map<String, Long> counts = createData(os, 1);
            String index = counts.keySet().iterator().next();
            SnapshotApi snapshots = os.snapshots();
            String repository = "lab-fs-" + version.replace('.', '-');
            assertTrue(snapshots.putFsRepository(repository, pathRepo.resolve(repository).toString()));
            assertEquals("fs", snapshots.repository(repository).orElseThrow().type());
            assertEquals(4, snapshots.verifyRepository(repository).size());

            Operation<SnapshotInfo> snapshot = snapshots.snapshotOperation(SnapshotRequest.builder()
                    .repository(repository).snapshot("snap-1").index(index).build());
            Plan plan = snapshot.plan();
            assertTrue(plan.render().contains("[pass] repository-verified"), plan.render());
            SnapshotInfo taken = snapshot.apply(plan, options(ProgressListeners.collecting(), new InMemoryJournal()).build())
                    .value();
            assertTrue(taken.successful(), taken.toString());
            assertEquals(List.of(index), taken.indices());
            assertEquals(List.of("snap-1"), snapshots.snapshots(repository).stream().map(SnapshotInfo::snapshot).toList());

            Operation<Void> clash = snapshots.restoreOperation(RestoreRequest.builder().repository(repository)
                    .snapshot("snap-1").build());
            assertTrue(clash.plan().render().contains("[FAIL] restore-targets-absent"), clash.plan().render());
            String restoredName = "restored-" + index;
            indices.add(restoredName);
            Operation<Void> restore = snapshots.restoreOperation(RestoreRequest.builder().repository(repository)
                    .snapshot("snap-1").index(index).rename("(.+)", "restored-$1").build());
            OperationResult<Void> restored = restore.apply(restore.plan(),
                    options(ProgressListeners.collecting(), new InMemoryJournal()).build());

            assertEquals(OperationStatus.SUCCEEDED, restored.status());
            os.refresh(restoredName);
            assertEquals(counts.get(index), os.count(restoredName));
            assertThrows(OpsValidationException.class, () -> snapshots.restoreOperation(RestoreRequest.builder()
                    .repository(repository).snapshot("no-such-snapshot").build()).plan());
            assertTrue(snapshots.deleteSnapshot(repository, "snap-1"));
            assertTrue(snapshots.snapshotStatus(repository, "snap-1").isEmpty());
            assertTrue(snapshots.deleteRepository(repository));
        }
    }

    @Order(6)
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void endpointsThatAllGoDownWithAGroupAreRefusedBeforeAnyChange(String version) {
        OpenSearchLab lab = lab(version);
        URI hot1 = lab.node("opensearch-hot-1").httpUri();
        String before = rawSettings(lab);
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(hot1.toString()).build()) {
            Operation<Void> restart = os.rollingRestart(RollingRestartRequest.builder().build(), lab.serviceControl());
            Plan plan = restart.plan();
            assertTrue(plan.render().contains("[FAIL] an-endpoint-stays-up: no endpoint stays up while "
                    + "[opensearch-hot-1] is down (" + hot1 + " = opensearch-hot-1)"), plan.render());

            UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                    () -> restart.apply(plan, options(ProgressListeners.collecting(), new InMemoryJournal()).build()));

            assertEquals("an-endpoint-stays-up", refused.guard());
            assertEquals(Optional.of("preflight"), refused.stepId(), "refused before the first node");
            assertEquals(before, rawSettings(lab));
            assertTrue(lab.topology().nodeNames().stream().allMatch(name -> lab.node(name).running()));
        }
        // behind a local proxy the endpoint is no publish address: the node answering there is asked its name
        try (FaultProxy proxy = FaultProxy.forward(hot1);
             OpenSearchOps os = OpenSearchOps.builder().endpoints(proxy.uri().toString()).build()) {
            String render = os.rollingRestart(RollingRestartRequest.builder().build(), lab.serviceControl()).plan().render();
            assertTrue(render.contains("[FAIL] an-endpoint-stays-up") && render.contains(proxy.uri() + " = opensearch-hot-1"),
                    render);
        }
        // a loopback endpoint where nothing answers reaches nothing, whichever group is down
        URI silent = URI.create("http://127.0.0.1:" + closedLoopbackPort());
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(hot1.toString(), silent.toString()).build()) {
            String render = os.rollingRestart(RollingRestartRequest.builder().build(), lab.serviceControl()).plan().render();
            assertTrue(render.contains("[FAIL] an-endpoint-stays-up: no endpoint stays up while [opensearch-hot-1] is down")
                    && render.contains(silent + " = did not answer"), render);
        }
        try (OpenSearchOps os = OpenSearchOps.builder()
                .endpoints(hot1.toString(), lab.node("opensearch-cold-1").httpUri().toString()).build()) {
            String render = os.rollingRestart(RollingRestartRequest.builder().build(), lab.serviceControl()).plan().render();
            assertTrue(render.contains("[pass] an-endpoint-stays-up"), render);
        }
    }

    private static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Long> createData(OpenSearchOps os, int count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String index = index(os, "logs-" + i);
            List<String> documents = new ArrayList<>();
            for (int d = 0; d < 100; d++) {
                documents.add("{\"message\":\"event " + d + " of " + index + "\",\"level\":\"info\",\"n\":" + d + "}");
            }
            os.bulkIndex(index, documents);
            counts.put(index, (long) documents.size());
        }
        os.refresh();
        return counts;
    }

    private String index(OpenSearchOps os, String purpose) {
        String name = io.opsstack.opensearch.lab.LabSupport.uniqueIndex("restart-" + purpose);
        os.createIndex(name, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
        indices.add(name);
        return name;
    }

    private static void awaitGreen(OpenSearchOps os) {
        assertEquals(HealthStatus.GREEN, os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                .waitForNoRelocatingShards(true).timeout(TIMEOUT).build()).status());
    }

    private static ApplyOptions.Builder options(io.opsstack.api.event.ProgressListener listener, Journal journal) {
        return ApplyOptions.builder().listener(listener).journal(journal).timeout(Duration.ofMinutes(15));
    }

    private static List<String> startedRestarts(List<StepEvent> events) {
        return events.stream().filter(StepStarted.class::isInstance).map(e -> ((StepStarted) e).stepId())
                .filter(id -> id.startsWith("restart-")).toList();
    }

    /** The settings exactly as the server answers them, to compare byte for byte. */
    private static String rawSettings(OpenSearchLab lab) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    lab.httpEndpoint().resolve("/_cluster/settings?flat_settings=true")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills a node right after the given step succeeded, as a crash between two nodes of the run. */
    private static final class ProgressListenerKill implements io.opsstack.api.event.ProgressListener {
        private final OpenSearchLab lab;
        private final String afterStep;
        private final String victim;

        ProgressListenerKill(OpenSearchLab lab, String afterStep, String victim) {
            this.lab = lab;
            this.afterStep = afterStep;
            this.victim = victim;
        }

        @Override
        public void onEvent(StepEvent event) {
            if (event instanceof StepSucceeded succeeded && succeeded.stepId().equals(afterStep)) {
                lab.kill(victim);
            }
        }
    }
}
