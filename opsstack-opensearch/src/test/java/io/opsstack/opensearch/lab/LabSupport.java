package io.opsstack.opensearch.lab;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.junit.SharedLabs;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.LabVersions;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The shared hot/warm/cold lab of each OpenSearch version under test (see {@link SharedLabs}), a
 * facade on it, and unique index names so test classes never share indices.
 */
public final class LabSupport {
    private LabSupport() {
    }

    /** The versions under test ({@code opsstack.lab.versions}); a JUnit method source. */
    public static List<String> versions() {
        return LabVersions.all();
    }

    /**
     * The one version for lab tests whose behaviour does not differ between versions: the first default
     * version ({@link LabVersions#DEFAULT_VERSIONS}) when this run covers it, else null, so a build that runs
     * each version in its own JVM runs such a test once (skip it on null).
     */
    public static String versionIndependent() {
        String first = LabVersions.DEFAULT_VERSIONS.split(",")[0];
        return versions().contains(first) ? first : null;
    }

    public static OpenSearchLab lab(String version) {
        return SharedLabs.openSearch(version, LabTopology.hotWarmCold());
    }

    /** A facade on every node of the version's lab; close it after the test. */
    public static OpenSearchOps ops(String version) {
        return OpenSearchOps.builder().endpoints(lab(version).httpEndpoints()).build();
    }

    /** Deletes test indices (missing ones are ignored), so the shared lab stays clean. */
    public static void deleteIndices(String version, String... indices) {
        try (OpenSearchOps os = ops(version)) {
            for (String index : indices) {
                os.deleteIndex(index);
            }
        }
    }

    /** A fresh index name, so tests never share indices. */
    public static String uniqueIndex(String purpose) {
        return (purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
