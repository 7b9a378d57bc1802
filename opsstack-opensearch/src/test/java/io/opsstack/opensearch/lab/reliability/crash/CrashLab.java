package io.opsstack.opensearch.lab.reliability.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchLeaseStore;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.testkit.jvm.ChildJvm;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/**
 * What the crash tests share: they run on one OpenSearch version only (the behaviour under test is the
 * SDK's, not the server's), start the applying child JVM, and wait out the lease a killed applier left.
 */
final class CrashLab {
    /** The one version these version-independent tests run on (null when this run does not cover it). */
    static final String VERSION = LabSupport.versionIndependent();
    /** Short, so a test waits little for the lease of a killed applier to expire; renewed every 2 s. */
    static final Duration LEASE_TTL = Duration.ofSeconds(6);
    static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);
    static final String EXCLUDE = "cluster.routing.allocation.exclude._name";
    static final String CONCURRENT = "cluster.routing.allocation.node_concurrent_recoveries";
    static final String MAX_BYTES = "indices.recovery.max_bytes_per_sec";
    static final String ENABLE = "cluster.routing.allocation.enable";
    private static final List<String> TOUCHED_SETTINGS = List.of(EXCLUDE, CONCURRENT, MAX_BYTES, ENABLE);

    private CrashLab() {
    }

    /** JUnit {@code @EnabledIf} condition: the run covers {@link #VERSION}. */
    static boolean coversCrashVersion() {
        return VERSION != null;
    }

    static OpenSearchLab lab() {
        return LabSupport.lab(VERSION);
    }

    static OpenSearchOps ops() {
        return LabSupport.ops(VERSION);
    }

    /**
     * A facade on the hot node alone, which the crash tests never stop: a node that just rejoined may not
     * listen on HTTP yet, and cleanup writes are not retried on another node.
     */
    static OpenSearchOps opsOnHotNode() {
        return OpenSearchOps.builder().endpoints(List.of(lab().node("opensearch-hot-1").httpUri())).build();
    }

    /**
     * Leaves the shared lab as the other lab tests expect it: every node up, the settings these tests touch
     * unset, no voting exclusion, no lease index, the given test indices deleted.
     */
    static void restoreSharedLab(List<String> indices) {
        lab().ensureAllRunning();
        try (OpenSearchOps os = opsOnHotNode()) {
            ClusterSettingsUpdate.Builder reset = ClusterSettingsUpdate.builder();
            TOUCHED_SETTINGS.forEach(key -> reset.persistent(key, null));
            os.putClusterSettings(reset.build());
            os.allocation().clearVotingExclusions(false);
            os.deleteIndex(OpenSearchLeaseStore.DEFAULT_INDEX);
            indices.forEach(os::deleteIndex);
            awaitGreen(os);
        }
    }

    static Path writePlan(Path directory, Plan plan) {
        try {
            return Files.writeString(directory.resolve("plan.json"), plan.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan as a new process reads it from the plan file. */
    static Plan readPlan(Path planFile) {
        try {
            return Plan.fromJson(Files.readString(planFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@link ApplyingJvm} on the lab with a file journal in {@code directory}; {@code extra} are more key=value arguments. */
    static ChildJvm startApplier(String operation, String subject, Path planFile, Path journal, String operationId,
                                 String owner, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "endpoints=" + lab().httpEndpoints().stream().map(URI::toString).collect(Collectors.joining(",")),
                "operation=" + operation, "subject=" + subject, "plan=" + planFile, "journal=" + journal,
                "operationId=" + operationId, "owner=" + owner, "leaseTtlSeconds=" + LEASE_TTL.toSeconds()));
        // a later leaseTtlSeconds in extra overrides the default (ApplyingJvm keeps the last value of a key)
        args.addAll(List.of(extra));
        return ChildJvm.builder().mainClass(ApplyingJvm.class).args(args).start();
    }

    /**
     * Applying again at once must be refused while the killed applier's lease is still unexpired (a dead
     * holder is not distinguishable from a slow one before then); returns after that lease expired.
     */
    static void awaitLeaseOfKilledApplier(Operation<?> operation, Plan plan, ApplyOptions options, String killedOwner)
            throws InterruptedException {
        LeaseHeldException held = assertThrows(LeaseHeldException.class, () -> operation.apply(plan, options));
        assertEquals(killedOwner, held.holder(), held.getMessage());
        long waitMillis = Duration.between(Instant.now(), held.expiresAt()).toMillis() + 500;
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
    }

    /** Creates an index of {@code docs} small documents and waits for green; returns its document count. */
    static long indexWithDocs(OpenSearchOps os, String index, Map<String, ?> settings, int docs) {
        os.createIndex(index, settings);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            // random text, so that stored sizes (and throttled recoveries) are not shrunk by compression
            batch.add("{\"message\":\"event " + i + " " + UUID.randomUUID() + UUID.randomUUID() + UUID.randomUUID()
                    + UUID.randomUUID() + UUID.randomUUID() + "\",\"n\":" + i + "}");
        }
        BulkResult result = os.bulkIndex(index, batch);
        assertEquals(0, result.failed(), result.toString());
        os.refresh(index);
        awaitGreen(os);
        return os.count(index);
    }

    static void awaitGreen(OpenSearchOps os) {
        assertEquals(HealthStatus.GREEN, os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                .waitForNoRelocatingShards(true).timeout(CHILD_TIMEOUT).build()).status());
    }
}
