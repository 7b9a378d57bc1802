package io.opsstack.testkit.opensearch;

import java.util.ArrayList;
import java.util.List;

import io.opsstack.api.error.OpsValidationException;

/**
 * The OpenSearch versions a test run covers: system property {@value #PROPERTY} (comma-separated),
 * default {@value #DEFAULT_VERSIONS}. Use it as a JUnit source to run a test against each:
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("io.opsstack.testkit.opensearch.LabVersions#all")
 * void works(String version) { OpenSearchLab lab = SharedLabs.openSearch(version, LabTopology.hotWarmCold()); ... }
 * }</pre>
 */
public final class LabVersions {

    /** System property listing the versions. */
    public static final String PROPERTY = "opsstack.lab.versions";
    /** Versions used when the property is not set. */
    public static final String DEFAULT_VERSIONS = "2.19.4,3.4.0";

    private LabVersions() {
    }

    /** Every configured version, in the configured order. */
    public static List<String> all() {
        List<String> versions = new ArrayList<>();
        for (String part : System.getProperty(PROPERTY, DEFAULT_VERSIONS).split(",")) {
            if (!part.isBlank()) {
                versions.add(part.trim());
            }
        }
        if (versions.isEmpty()) {
            throw new OpsValidationException("system property " + PROPERTY + " lists no version");
        }
        return List.copyOf(versions);
    }

    /** The first configured version: the default when a test does not care which. */
    public static String first() {
        return all().get(0);
    }

    /** The last configured version. */
    public static String last() {
        List<String> all = all();
        return all.get(all.size() - 1);
    }
}
