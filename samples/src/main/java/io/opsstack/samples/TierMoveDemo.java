package io.opsstack.samples;

import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: starts a local 3-node OpenSearch lab (one node each with {@code temp=hot},
 * {@code warm}, {@code cold}), writes two daily log indices to the hot tier, then plans and applies
 * the move of yesterday's index to the warm tier, printing the plan, the progress and the result.
 *
 * <p>System properties: {@code opsstack.demo.version} (OpenSearch version, default 2.19.4),
 * {@code opsstack.demo.dir} (work directory, default {@code target/demo}).
 */
public final class TierMoveDemo {
    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final String REQUIRE_TEMP = "index.routing.allocation.require.temp";

    private TierMoveDemo() {
    }

    public static void main(String[] args) {
        String version = System.getProperty("opsstack.demo.version", OpenSearchLab.DEFAULT_VERSION);
        Path workDir = Path.of(System.getProperty("opsstack.demo.dir", "target/demo")).toAbsolutePath();
        OpenSearchLab lab = OpenSearchLab.builder()
                .version(version)
                .clusterName("opsstack-demo")
                .topology(LabTopology.hotWarmCold())
                .workDirectory(workDir.resolve("lab"))
                .build();
        try {
            System.out.println("== starting a 3-node OpenSearch " + version + " lab (hot, warm, cold) ...");
            lab.start();
            System.out.printf("== lab up in %.1f s at %s%n", lab.startupTime().toMillis() / 1000.0, lab.httpEndpoints());
            try (OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
                run(os, workDir);
            }
        } finally {
            lab.close();
            System.out.println("== lab stopped");
        }
    }

    private static void run(OpenSearchOps os, Path workDir) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String yesterday = "logs-" + today.minusDays(1).format(DAILY);
        String current = "logs-" + today.format(DAILY);
        writeDailyIndex(os, yesterday, 5_000);
        writeDailyIndex(os, current, 1_000);
        printPlacement(os, "before", yesterday, current);

        Operation<Void> move = os.tierMove(TierMoveRequest.builder().index(yesterday).tier("warm").build());
        Plan plan = move.plan();
        System.out.println();
        System.out.println(plan.render());

        OperationResult<Void> result = move.apply(plan, ApplyOptions.builder()
                .listener(ProgressListeners.printStream(System.out))
                .journal(new FileJournal(workDir.resolve("journal")))
                .build());
        System.out.println();
        System.out.println("== " + result.operation() + " " + result.status() + " in "
                + result.duration().toMillis() + " ms (operation id " + result.operationId() + ")");
        printPlacement(os, "after", yesterday, current);
    }

    /** A daily index on the hot tier with one replica-less primary per shard, as the ingest tier writes it. */
    static void writeDailyIndex(OpenSearchOps os, String index, int documents) {
        writeIndex(os, index, documents, Map.of("index.number_of_shards", 2, "index.number_of_replicas", 0, REQUIRE_TEMP, "hot"));
    }

    /** Recreates {@code index} with {@code settings} and writes {@code documents} log lines into it. */
    static void writeIndex(OpenSearchOps os, String index, int documents, Map<String, ?> settings) {
        if (os.indexExists(index)) {
            os.deleteIndex(index);
        }
        os.createIndex(index, settings);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            batch.add("{\"@timestamp\":\"2026-11-21T12:00:00Z\",\"host\":\"node14"
                    + (i % 3) + "\",\"level\":\"" + (i % 10 == 0 ? "warn" : "info") + "\",\"message\":\"request " + i + " served\"}");
            if (batch.size() == 1_000) {
                os.bulkIndex(index, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            os.bulkIndex(index, batch);
        }
        os.refresh(index);
        os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                .timeout(Duration.ofSeconds(60)).build());
    }

    private static void printPlacement(OpenSearchOps os, String when, String... indices) {
        System.out.println();
        System.out.println("== shard placement " + when + ":");
        for (ShardRow row : os.shards(indices)) {
            System.out.printf("   %-18s shard %d %-8s on %s%n", row.index(), row.shard(), row.state(), row.node());
        }
    }
}
