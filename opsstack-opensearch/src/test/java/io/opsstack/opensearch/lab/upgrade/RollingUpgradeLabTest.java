package io.opsstack.opensearch.lab.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.LabVersions;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import io.opsstack.testkit.opensearch.ProbeReport;
import io.opsstack.testkit.opensearch.WriteReadProbe;

/**
 * A rolling upgrade 2.x → 3.x on a real 3-node hot/warm/cold lab with replicated data and a client writing and
 * reading throughout: snapshot first, colder tiers first and the elected manager last, each node rejoining on the
 * new version, and every acknowledged document still there. Runs in the execution whose first lab version is a
 * 2.x release (the target, {@value #DEFAULT_TARGET} unless {@value #TARGET_PROPERTY} says otherwise, must be able
 * to run: it needs Java 21+).
 */
class RollingUpgradeLabTest {

    static final String TARGET_PROPERTY = "opsstack.lab.upgradeTarget";
    static final String DEFAULT_TARGET = "3.4.0";
    private static final String ENABLE = "cluster.routing.allocation.enable";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void upgradesEveryNodeAfterASnapshotWithoutLosingAnAcknowledgedWrite() {
        String from = LabVersions.first();
        String to = System.getProperty(TARGET_PROPERTY, DEFAULT_TARGET);
        assumeTrue(from.startsWith("2."), "the upgrade starts from the 2.x lab run; this run starts at " + from);
        assumeTrue(OpenSearchLab.hasJavaFor(to), "no JDK can run OpenSearch " + to);
        try (OpenSearchLab lab = OpenSearchLab.builder().version(from).topology(LabTopology.hotWarmCold())
                .clusterName("upgrade-" + from.replace('.', '-')).pathRepo(Path.of("snapshots")).build().start();
             OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints()).build()) {
            Map<String, Long> counts = createData(os, 2);
            List<String> probeIndices = List.of(index(os, "probe-a"), index(os, "probe-b"));
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "all").build());
            assertTrue(os.snapshots().putFsRepository("before-upgrade", lab.pathRepo().orElseThrow().resolve("before-upgrade").toString()));
            awaitGreen(os);

            assertRefused(os, lab, "4.0.0", "skips a major version");
            assertRefused(os, lab, "2.18.0", "downgrade");

            Operation<Void> upgrade = os.rollingRestart(RollingRestartRequest.builder().targetVersion(to)
                    .snapshotRepository("before-upgrade").build(), lab.upgradeControl(to));
            Plan plan = upgrade.plan();
            List<String> order = List.of(plan.parameters().get("order").split(","));
            String elected = electedName(os);
            List<String> expectedOrder = new ArrayList<>(List.of("opensearch-cold-1", "opensearch-warm-1", "opensearch-hot-1"));
            expectedOrder.remove(elected);
            expectedOrder.add(elected);
            assertEquals(expectedOrder, order, "colder tiers first, the elected manager last: " + plan.render());
            assertEquals("snapshot", plan.steps().get(1).id(), plan.render());
            assertTrue(plan.render().contains("[pass] version-rules"), plan.render());

            CollectingListener events = ProgressListeners.collecting();
            OperationResult<Void> result;
            ProbeReport report;
            try (WriteReadProbe probe = WriteReadProbe.builder(lab).indices(probeIndices).start()) {
                result = upgrade.apply(plan, ApplyOptions.builder().listener(events)
                        .journal(new InMemoryJournal()).timeout(Duration.ofMinutes(20)).build());
                report = probe.stop();
                probe.verify().requireComplete();
            }

            assertEquals(OperationStatus.SUCCEEDED, result.status());
            List<String> started = events.events().stream().filter(StepStarted.class::isInstance)
                    .map(event -> ((StepStarted) event).stepId()).toList();
            List<String> expectedSteps = new ArrayList<>(List.of("preflight", "snapshot"));
            order.forEach(node -> expectedSteps.add("restart-" + node));
            assertEquals(expectedSteps, started);
            assertTrue(report.totalAcknowledgedWrites() > 0, report.toString());
            List<SnapshotInfo> snapshots = os.snapshots().snapshots("before-upgrade");
            assertEquals(1, snapshots.size(), snapshots.toString());
            assertTrue(snapshots.get(0).successful(), snapshots.toString());
            for (NodeInfo node : os.nodes()) {
                assertEquals(to, node.version(), node.name() + " runs the target version");
                assertEquals(to, lab.nodeVersion(node.name()));
            }
            assertEquals(3, os.nodes().size());
            awaitGreen(os);
            assertEquals("all", os.clusterSettings(false).persistent().get(ENABLE), "the prior value is back");
            os.refresh();
            counts.forEach((index, count) -> assertEquals(count, os.count(index), index));
        }
    }

    /** A plan against a version the rules forbid fails its version guard, and apply changes nothing. */
    private static void assertRefused(OpenSearchOps os, OpenSearchLab lab, String target, String reason) {
        Map<String, String> before = os.clusterSettings(false).persistent();
        Operation<Void> upgrade = os.rollingRestart(RollingRestartRequest.builder().targetVersion(target).build(),
                lab.upgradeControl(target));
        Plan plan = upgrade.plan();
        assertTrue(plan.render().contains("[FAIL] version-rules"), plan.render());
        UnsafeOperationException refused = assertThrows(UnsafeOperationException.class, () -> upgrade.apply(plan,
                ApplyOptions.builder().journal(new InMemoryJournal()).timeout(Duration.ofMinutes(2)).build()));
        assertEquals("version-rules", refused.guard(), refused.getMessage());
        assertTrue(refused.guardReason().contains(reason), refused.guardReason());
        assertEquals(before, os.clusterSettings(false).persistent());
    }

    private static Map<String, Long> createData(OpenSearchOps os, int count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String index = index(os, "logs-" + i);
            List<String> documents = new ArrayList<>();
            for (int d = 0; d < 200; d++) {
                documents.add("{\"message\":\"event " + d + " of " + index + "\",\"n\":" + d + "}");
            }
            os.bulkIndex(index, documents);
            counts.put(index, (long) documents.size());
        }
        os.refresh();
        return counts;
    }

    private static String index(OpenSearchOps os, String purpose) {
        String name = LabSupport.uniqueIndex("upgrade-" + purpose);
        os.createIndex(name, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
        return name;
    }

    private static String electedName(OpenSearchOps os) {
        String id = os.clusterManagerNodeId();
        return os.nodes().stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow().name();
    }

    private static void awaitGreen(OpenSearchOps os) {
        assertEquals(HealthStatus.GREEN, os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                .waitForNoRelocatingShards(true).timeout(TIMEOUT).build()).status());
    }
}
