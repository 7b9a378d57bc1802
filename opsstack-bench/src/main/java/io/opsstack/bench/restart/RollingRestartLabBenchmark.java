package io.opsstack.bench.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.testkit.opensearch.LabNodeSpec;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.NodeRole;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import io.opsstack.testkit.opensearch.ProbeReport;
import io.opsstack.testkit.opensearch.WriteReadProbe;

/**
 * Rolling restart wall time of all four nodes of a real {@code hotWarmColdTwoHot} lab, in one run on the same
 * data: opsstack's operation (its own order, the elected cluster manager last), the community sequence (allocation none → restart →
 * all → green, 10 s polls) and the official sequence (primaries + flush, 1 s polls), both walking the host
 * list in topology order as a script does. A {@link WriteReadProbe}
 * writes and reads during each; its failure counts are printed with the times and the ratios (goals: ≤ 0.5×
 * community, ≤ 0.8× official). opsstack and the official sequence alternate for several rounds and are compared by
 * their medians; the community sequence runs once. An unmeasured restart first brings every replica in sync with its primary, so
 * no sequence pays for the first file-based recoveries after loading; as that restart runs the scripts' code, an
 * unmeasured opsstack plan (reads only) warms opsstack's code likewise. The measured opsstack time includes its plan.
 *
 * <p>Arguments (all optional): OpenSearch version (default 2.19.4), indices (default 20), documents per index
 * (default 500), and {@code zones} to run on the same four nodes with {@code opensearch-hot-2} data-only and
 * allocation awareness on {@code zone}: zone-b ({@code opensearch-warm-1} + {@code opensearch-hot-2}) then holds
 * one cluster-manager-eligible node and every shard has a copy outside it, so opsstack may restart it as one group
 * ({@code parallelZones}, max-unavailable 2) while the scripts keep going node by node; then opsstack's poll
 * interval in milliseconds (default {@link RollingRestartRequest#DEFAULT_POLL_INTERVAL}) and its recovery
 * concurrency (default {@link RollingRestartRequest#DEFAULT_RECOVERY_CONCURRENCY}); last, the rounds (default 3).
 */
public final class RollingRestartLabBenchmark {
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final String AWARENESS = "cluster.routing.allocation.awareness.attributes";

    private RollingRestartLabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = args.length > 0 ? args[0] : OpenSearchLab.DEFAULT_VERSION;
        int indexCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int documents = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean zones = args.length > 3 && "zones".equals(args[3]);
        Duration poll = args.length > 4 ? Duration.ofMillis(Long.parseLong(args[4])) : RollingRestartRequest.DEFAULT_POLL_INTERVAL;
        int recoveries = args.length > 5 ? Integer.parseInt(args[5]) : RollingRestartRequest.DEFAULT_RECOVERY_CONCURRENCY;
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        OpenSearchLab.Builder labBuilder = OpenSearchLab.builder().version(version).clusterName("bench-restart")
                .topology(zones ? zonedTopology() : LabTopology.hotWarmColdTwoHot());
        if (zones) {
            labBuilder.clusterSetting(AWARENESS, "zone");
        }
        try (OpenSearchLab lab = labBuilder.build().start();
             OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
            load(os, indexCount, documents);
            List<String> probeIndices = List.of("probe-a", "probe-b");
            for (String index : probeIndices) {
                os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
            }
            settle(os);
            RollingRestartRequest request = zones
                    ? RollingRestartRequest.builder().parallelZones(true).maxUnavailable(2).pollInterval(poll)
                            .recoveryConcurrency(recoveries).build()
                    : RollingRestartRequest.builder().pollInterval(poll).recoveryConcurrency(recoveries).build();
            // the scripts walk their host list; opsstack plans its own order (elected cluster manager last)
            List<String> order = lab.topology().nodeNames();
            System.out.printf("OpenSearch %s, %d indices x %d documents (1 shard, 1 replica), host-list order %s%n",
                    version, indexCount, documents, order);

            ManualSequences manual = new ManualSequences(os, lab.serviceControl(), lab.httpEndpoints());
            // the first restart after loading also syncs replica segments with their primaries; keep it out of the figures
            manual.official(order);
            settle(os);
            // the scripts' code ran in that warm-up; opsstack's planning code gets one unmeasured plan (reads only)
            os.rollingRestart(request, lab.serviceControl()).plan();
            System.out.println("warm-up restart and plan done");

            // opsstack and the official sequence alternate for several rounds: one round's spread between JVM boots
            // on the shared cores moves a single ratio; the medians do not follow it. The community sequence,
            // at about twice opsstack's time or more, runs once.
            List<Run> opsstack = new ArrayList<>();
            List<Run> official = new ArrayList<>();
            Run community = null;
            for (int round = 1; round <= rounds; round++) {
                opsstack.add(measure(lab, probeIndices, () -> restartWithOpsstack(os, lab, request)));
                settle(os);
                if (community == null) {
                    community = measure(lab, probeIndices, () -> manual.community(order));
                    settle(os);
                }
                official.add(measure(lab, probeIndices, () -> manual.official(order)));
                settle(os);
                System.out.printf("round %d: opsstack %.1f s, official %.1f s, ratio %.2f%n", round,
                        opsstack.get(round - 1).seconds(), official.get(round - 1).seconds(),
                        opsstack.get(round - 1).seconds() / official.get(round - 1).seconds());
            }
            for (int round = 0; round < rounds; round++) {
                System.out.printf("round %d probes: opsstack %s; official %s%n", round + 1, opsstack.get(round).report,
                        official.get(round).report);
            }
            System.out.printf("community %6.1f s   probe: %s%n", community.seconds(), community.report);
            double opsstackMedian = median(opsstack);
            double officialMedian = median(official);
            System.out.printf("median of %d rounds: opsstack %.1f s, official %.1f s%n", rounds, opsstackMedian, officialMedian);
            System.out.printf("ratio opsstack / community: %.2f (goal <= 0.5)%n", opsstackMedian / community.seconds());
            System.out.printf("ratio opsstack / official:  %.2f (goal <= 0.8; medians)%n", opsstackMedian / officialMedian);
        }
    }

    /** Plans and applies opsstack's rolling restart, printing the plan time and each step's duration. */
    private static void restartWithOpsstack(OpenSearchOps os, OpenSearchLab lab, RollingRestartRequest request) {
        Operation<Void> restart = os.rollingRestart(request, lab.serviceControl());
        long planStart = System.nanoTime();
        Plan plan = restart.plan();
        System.out.printf("  opsstack plan %.2f s%n", (System.nanoTime() - planStart) / 1e9);
        CollectingListener events = ProgressListeners.collecting();
        OperationResult<Void> result = restart.apply(plan, ApplyOptions.builder().listener(events)
                .journal(new InMemoryJournal()).build());
        if (System.getProperty("opsstack.bench.events") != null) {
            events.events().forEach(event -> System.out.println("    " + event.timestamp() + " " + event.describe()));
        }
        if (result.status() != OperationStatus.SUCCEEDED) {
            throw new IllegalStateException("rolling restart did not succeed: " + result);
        }
        result.steps().forEach(step -> System.out.printf("  opsstack %-28s %5.1f s%n", step.stepId(),
                step.duration().toMillis() / 1e3));
    }

    private static double median(List<Run> runs) {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        int middle = seconds.length / 2;
        return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }

    /** {@link LabTopology#hotWarmColdTwoHot()} with {@code opensearch-hot-2} holding data only. */
    private static LabTopology zonedTopology() {
        LabTopology.Builder topology = LabTopology.builder("hot-warm-cold-zones");
        for (LabNodeSpec node : LabTopology.hotWarmColdTwoHot().nodes()) {
            topology.node("opensearch-hot-2".equals(node.name()) ? node.toBuilder().roles(NodeRole.DATA).build() : node);
        }
        return topology.build();
    }

    private static Run measure(OpenSearchLab lab, List<String> probeIndices, Sequence sequence) throws Exception {
        try (WriteReadProbe probe = WriteReadProbe.builder(lab).indices(probeIndices).start()) {
            long start = System.nanoTime();
            sequence.run();
            long nanos = System.nanoTime() - start;
            ProbeReport report = probe.stop();
            if (!probe.verify().complete()) {
                throw new IllegalStateException("acknowledged documents missing after the restart: " + probe.verify());
            }
            return new Run(nanos, report);
        }
    }

    private static void load(OpenSearchOps os, int indexCount, int documents) {
        for (int i = 0; i < indexCount; i++) {
            String index = String.format("logs-2026.11.%02d", i + 1);
            os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
            List<String> batch = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                batch.add("{\"@timestamp\":\"2026-11-" + String.format("%02d", i + 1) + "T10:00:00Z\",\"host\":\"web-"
                        + (d % 7) + "\",\"level\":\"" + (d % 10 == 0 ? "error" : "info") + "\",\"message\":\"request "
                        + d + " served in " + (d % 250) + " ms\"}");
            }
            os.bulkIndex(index, batch);
        }
        os.refresh();
    }

    private static void settle(OpenSearchOps os) {
        os.putClusterSettings(ClusterSettingsUpdate.builder().persistent("cluster.routing.allocation.enable", null).build());
        HealthStatus status = os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                .waitForNoRelocatingShards(true).waitForNoInitializingShards(true).timeout(SETTLE).build()).status();
        if (status != HealthStatus.GREEN) {
            throw new IllegalStateException("the lab did not settle green: " + status);
        }
    }

    /** One restart sequence under measurement. */
    private interface Sequence {
        void run() throws Exception;
    }

    private record Run(long nanos, ProbeReport report) {
        double seconds() {
            return nanos / 1e9;
        }
    }
}
