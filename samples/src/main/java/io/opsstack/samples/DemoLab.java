package io.opsstack.samples;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the demo lab (3 OpenSearch nodes: hot, warm, cold, with a few daily indices) and keeps it
 * running until the process is stopped (Ctrl-C), so it can be operated from JShell or the CLI. The
 * endpoints are printed and written to {@code target/demo/lab.url}.
 */
public final class DemoLab {
    private DemoLab() {
    }

    public static void main(String[] args) throws InterruptedException {
        String version = System.getProperty("opsstack.demo.version", OpenSearchLab.DEFAULT_VERSION);
        Path workDir = Path.of(System.getProperty("opsstack.demo.dir", "target/demo")).toAbsolutePath();
        OpenSearchLab lab = OpenSearchLab.builder()
                .version(version)
                .clusterName("opsstack-demo")
                .topology(LabTopology.hotWarmCold())
                .workDirectory(workDir.resolve("lab"))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "demo-lab-close"));
        lab.start();
        String urls = lab.httpEndpoints().stream().map(URI::toString).collect(Collectors.joining(","));
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
            for (int day = 1; day <= 3; day++) {
                TierMoveDemo.writeDailyIndex(os, "logs-2026.11.0" + day, 2_000);
            }
            // spread over every node, so each node (opensearch-cold-1 too) has shards to drain
            TierMoveDemo.writeIndex(os, "metrics-2026.11", 3_000,
                    Map.of("index.number_of_shards", 6, "index.number_of_replicas", 0));
        }
        writeUrlFile(workDir.resolve("lab.url"), urls);
        System.out.println("== demo lab (OpenSearch " + version + ") is up: " + urls);
        System.out.println("== endpoints written to " + workDir.resolve("lab.url") + "; press Ctrl-C to stop it");
        Thread.currentThread().join();
    }

    private static void writeUrlFile(Path file, String urls) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, urls + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
