package io.opsstack.bench.drain;

import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drain wall time on a real 4-node lab ({@code hotWarmColdTwoHot}), same data, same node, in one run:
 * <ol>
 *   <li>baseline: add the node to {@code exclude._name} and poll {@code _cat/shards} every 10 s with the
 *       default recovery throttles until no copy is on it;</li>
 *   <li>opsstack: the drain operation (throttles raised within the given limits, 500 ms polls).</li>
 * </ol>
 * It prints both times, their ratio (goal ≤ 0.2), and how long after the cluster was really drained the
 * operation returned (goal &lt; 1 s), measured by an observer polling every 50 ms. The observer also watches the
 * baseline, so the share of its time that is only the 10 s polling shows.
 *
 * <p>Arguments (all optional): OpenSearch version (default 2.19.4), megabytes of data (default 400),
 * max concurrent recoveries (default 6), max bytes per second (default 400mb).
 */
public final class DrainLabBenchmark {
    private static final String NODE = "opensearch-warm-1";
    private static final String EXCLUDE = "cluster.routing.allocation.exclude._name";
    private static final Duration BASELINE_POLL = Duration.ofSeconds(10);

    private DrainLabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = args.length > 0 ? args[0] : OpenSearchLab.DEFAULT_VERSION;
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        RecoveryLimits limits = RecoveryLimits.of(args.length > 2 ? Integer.parseInt(args[2]) : 6,
                args.length > 3 ? args[3] : "400mb");
        try (OpenSearchLab lab = OpenSearchLab.builder().version(version).clusterName("bench-drain")
                .topology(LabTopology.hotWarmColdTwoHot()).jvmOption("-Xmx1g").jvmOption("-Xms1g").build().start();
             OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
            long bytes = load(os, megabytes);
            long onNode = bytesOn(os, NODE);
            System.out.printf("data: %d MB in the cluster, %d MB on %s%n", bytes >> 20, onNode >> 20, NODE);

            int copiesOnNode = copiesOn(os, NODE);
            DrainObserver baselineObserver = new DrainObserver(os);
            Thread baselineWatcher = new Thread(baselineObserver, "baseline-observer");
            long baselineStart = System.nanoTime();
            baselineWatcher.start();
            long baselineNanos = baseline(os);
            baselineObserver.stop();
            baselineWatcher.join();
            System.out.printf("baseline (exclude + _cat/shards every 10 s, default throttles): %.1f s "
                    + "(the observer saw the node drained after %.1f s)%n", baselineNanos / 1e9,
                    (baselineObserver.drainedAt.get() - baselineStart) / 1e9);
            undrainAndSettle(os);
            awaitCopiesBack(os, copiesOnNode);
            System.out.printf("back on %s: %d MB%n", NODE, bytesOn(os, NODE) >> 20);

            DrainObserver observer = new DrainObserver(os);
            Thread watcher = new Thread(observer, "drain-observer");
            long start = System.nanoTime();
            watcher.start();
            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).recoveryLimits(limits).build());
            io.opsstack.api.plan.Plan plan = drain.plan();
            long planned = System.nanoTime();
            OperationResult<Void> result = drain.apply(plan, ApplyOptions.builder()
                    .journal(new InMemoryJournal()).build());
            long returned = System.nanoTime();
            observer.stop();
            watcher.join();
            if (result.status() != OperationStatus.SUCCEEDED) {
                throw new IllegalStateException("drain did not succeed: " + result);
            }
            long opsNanos = returned - start;
            System.out.printf("opsstack drain (limits %s): %.1f s (plan %.1f s, apply %.1f s)%n", limits.toMap(),
                    opsNanos / 1e9, (planned - start) / 1e9, (returned - planned) / 1e9);
            result.steps().forEach(step -> System.out.printf("  opsstack %-22s %5.2f s%n", step.stepId(),
                    step.duration().toMillis() / 1e3));
            System.out.printf("ratio opsstack / baseline: %.3f (goal <= 0.2)%n", (double) opsNanos / baselineNanos);
            System.out.printf("completion detected %.0f ms after the observer first saw the node drained (goal < 1000 ms)%n",
                    (returned - observer.drainedAt.get()) / 1e6);
            undrainAndSettle(os);
        }
    }

    private static long load(OpenSearchOps os, int megabytes) {
        java.util.Random random = new java.util.Random(7);
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        byte[] noise = new byte[750];
        int indices = 8;
        long docsPerIndex = (long) megabytes * 1000 / indices;
        for (int i = 0; i < indices; i++) {
            String index = "bench-logs-" + i;
            os.createIndex(index, Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1,
                    "index.refresh_interval", "-1"));
            for (long done = 0; done < docsPerIndex; done += 2000) {
                List<String> batch = new ArrayList<>(2000);
                for (int d = 0; d < 2000; d++) {
                    random.nextBytes(noise);
                    batch.add("{\"n\":" + (done + d) + ",\"message\":\"" + base64.encodeToString(noise) + "\"}");
                }
                BulkResult result = os.bulkIndex(index, batch);
                if (result.failed() > 0) {
                    throw new IllegalStateException("bulk failed: " + result);
                }
            }
        }
        os.refresh();
        os.allocation().flush();
        settle(os);
        return os.shards().stream().mapToLong(row -> row.storeBytes() == null ? 0 : row.storeBytes()).sum();
    }

    private static long baseline(OpenSearchOps os) throws InterruptedException {
        long start = System.nanoTime();
        os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(EXCLUDE, NODE).build());
        while (true) {
            Thread.sleep(BASELINE_POLL.toMillis());
            if (os.shards().stream().noneMatch(row -> NODE.equals(row.node()))) {
                return System.nanoTime() - start;
            }
        }
    }

    private static void undrainAndSettle(OpenSearchOps os) {
        os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(EXCLUDE, null).build());
        os.allocation().clearVotingExclusions(false);
        settle(os);
    }

    private static void settle(OpenSearchOps os) {
        for (int i = 0; i < 60; i++) {
            ClusterHealth health = os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                    .waitForNoRelocatingShards(true).timeout(Duration.ofSeconds(30)).build());
            if (!health.timedOut() && health.relocatingShards() == 0 && health.initializingShards() == 0) {
                return;
            }
        }
        throw new IllegalStateException("cluster did not settle: " + os.health());
    }

    /** Rebalancing brings the node's share back after the baseline; the second drain must move the same amount. */
    private static void awaitCopiesBack(OpenSearchOps os, int copies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (copiesOn(os, NODE) < copies && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        settle(os);
    }

    private static int copiesOn(OpenSearchOps os, String node) {
        return (int) os.shards().stream().filter(row -> node.equals(row.node())).count();
    }

    private static long bytesOn(OpenSearchOps os, String node) {
        return os.shards().stream().filter(row -> node.equals(row.node()))
                .mapToLong(row -> row.storeBytes() == null ? 0 : row.storeBytes()).sum();
    }

    /** Records the first moment no copy occupies the node and nothing relocates or initializes. */
    private static final class DrainObserver implements Runnable {
        private final OpenSearchOps os;
        private final AtomicLong drainedAt = new AtomicLong(Long.MAX_VALUE);
        private volatile boolean running = true;

        DrainObserver(OpenSearchOps os) {
            this.os = os;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running && drainedAt.get() == Long.MAX_VALUE) {
                try {
                    List<ShardRow> rows = os.shards();
                    ClusterHealth health = os.health();
                    if (rows.stream().noneMatch(row -> row.occupies(NODE)) && health.relocatingShards() == 0
                            && health.initializingShards() == 0 && health.unassignedShards() == 0) {
                        drainedAt.compareAndSet(Long.MAX_VALUE, System.nanoTime());
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // a failed read is simply not a "drained" observation
                }
            }
        }
    }
}
