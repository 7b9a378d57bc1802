package io.opsstack.testkit.junit;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.LabVersions;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/**
 * One lab per (version, topology) shared by all test classes of a test JVM, so the start cost is
 * paid once. Tests share the cluster, so each must use its own indices (e.g. named after the test)
 * and leave every node running ({@link OpenSearchLab#ensureAllRunning()} repairs a lab a failed
 * test left degraded before handing it out).
 *
 * <p>To keep CPU for the tests on small CI runners, only one shared lab runs at a time: asking for a
 * different (version, topology) closes the current lab first. Group tests by version (e.g. a
 * {@code @ParameterizedClass} over {@link LabVersions#all()}) so labs are not restarted back and
 * forth. Shared labs are closed when the test run ends if {@link OpenSearchLabExtension} is
 * registered, and by a JVM shutdown hook otherwise.
 *
 * <p>Thread-safe; designed for sequential test execution (a lab switch while another thread uses
 * the previous lab would stop it under that test).
 */
public final class SharedLabs {

    private static final Logger LOG = LoggerFactory.getLogger(SharedLabs.class);

    private static String currentKey;
    private static OpenSearchLab current;

    private SharedLabs() {
    }

    /** The shared lab of the first configured version with {@link LabTopology#hotWarmCold()}. */
    public static OpenSearchLab openSearch() {
        return openSearch(LabVersions.first(), LabTopology.hotWarmCold());
    }

    /** The running shared lab for this version and topology, started (and any other shared lab closed) if needed. */
    public static synchronized OpenSearchLab openSearch(String version, LabTopology topology) {
        String key = version + "/" + topology.name();
        if (current != null && key.equals(currentKey)) {
            current.ensureAllRunning();
            return current;
        }
        closeAll();
        LOG.info("[lab] starting shared lab {} ({})", topology.name(), version);
        OpenSearchLab lab = OpenSearchLab.builder()
                .version(version)
                .topology(topology)
                .clusterName(clusterName(version, topology))
                .build()
                .start();
        current = lab;
        currentKey = key;
        return lab;
    }

    /** Closes the running shared lab, if any. */
    public static synchronized void closeAll() {
        if (current != null) {
            OpenSearchLab lab = current;
            current = null;
            currentKey = null;
            lab.close();
        }
    }

    /** A cluster (and directory) name per version and topology, e.g. {@code shared-hot-warm-cold-2-19-4}. */
    static String clusterName(String version, LabTopology topology) {
        return ("shared-" + topology.name() + "-" + version).replace('.', '-').toLowerCase(Locale.ROOT);
    }
}
