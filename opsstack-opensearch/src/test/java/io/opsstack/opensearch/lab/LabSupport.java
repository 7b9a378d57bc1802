package io.opsstack.opensearch.lab;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.LabVersions;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One hot/warm/cold lab per OpenSearch version, started on first use and shared by every test class
 * of this test JVM; all are closed (processes stopped) when the JVM exits.
 */
public final class LabSupport {
    private static final Map<String, OpenSearchLab> LABS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LABS.values().forEach(OpenSearchLab::close),
                "opensearch-lab-close"));
    }

    private LabSupport() {
    }

    /** The versions under test ({@code opsstack.lab.versions}); a JUnit method source. */
    public static List<String> versions() {
        return LabVersions.all();
    }

    public static OpenSearchLab lab(String version) {
        return LABS.computeIfAbsent(version, v -> OpenSearchLab.builder()
                .version(v)
                .clusterName("os-ops-" + v.replace('.', '-'))
                .topology(LabTopology.hotWarmCold())
                .build()
                .start());
    }

    /** A facade on every node of the version's lab; close it after the test. */
    public static OpenSearchOps ops(String version) {
        return OpenSearchOps.builder().endpoints(lab(version).httpEndpoints()).build();
    }

    /** A fresh index name, so tests never share indices. */
    public static String uniqueIndex(String purpose) {
        return (purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
