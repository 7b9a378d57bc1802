package io.opsstack.opensearch.lab.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Zone decommission and recommission through the awareness decommission API on the real lab. */
class ZoneDecommissionLabTest {
    private static final String AWARENESS = "cluster.routing.allocation.awareness.attributes";
    private static final String FORCED = "cluster.routing.allocation.awareness.force.zone.values";
    private static final String ZONE_NODE = "opensearch-cold-1";

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void prerequisitesAreCheckedBeforeAnyChangeAndUnknownZonesRefused(String version) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            URI endpoint = LabSupport.lab(version).httpEndpoint();
            String before = AllocationLabSupport.rawSettings(endpoint);
            OpsValidationException unknown = assertThrows(OpsValidationException.class,
                    () -> os.zoneDecommission(ZoneDecommissionRequest.of("zone-x")).plan());
            assertTrue(unknown.getMessage().contains("zone-a"), unknown.getMessage());

            Operation<Void> decommission = os.zoneDecommission(ZoneDecommissionRequest.of("zone-c"));
            Plan plan = decommission.plan();
            assertTrue(plan.render().contains("[FAIL] awareness-attribute-configured"), plan.render());
            assertThrows(UnsafeOperationException.class, () -> decommission.apply(plan,
                    ApplyOptions.builder().journal(new InMemoryJournal()).build()));
            assertEquals(before, AllocationLabSupport.rawSettings(endpoint));
            assertEquals(DecommissionStatus.NONE, os.allocation().decommissionStatus("zone").state());
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void decommissionsAZoneAndRecommissionsIt(String version) {
        OpenSearchLab lab = LabSupport.lab(version);
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(AWARENESS, "zone")
                    .persistent(FORCED, "zone-a,zone-b,zone-c").build());
            AllocationLabSupport.green(os);

            Operation<Void> decommission = os.zoneDecommission(ZoneDecommissionRequest.of("zone-c"));
            Plan plan = decommission.plan();
            assertFalse(plan.render().contains("[FAIL]"), plan.render());
            assertEquals(OperationStatus.SUCCEEDED, decommission.apply(plan, ApplyOptions.builder()
                    .journal(new InMemoryJournal()).build()).status());
            assertEquals(DecommissionStatus.SUCCESSFUL, os.allocation().decommissionStatus("zone").state());
            assertEquals(0.0, os.allocation().awarenessWeights("zone").weight("zone-c"));
            assertTrue(os.nodes().stream().map(NodeInfo::name).noneMatch(ZONE_NODE::equals), "zone node left");

            Operation<Void> recommission = os.zoneRecommission("zone");
            assertEquals(OperationStatus.SUCCEEDED, recommission.apply(recommission.plan(), ApplyOptions.builder()
                    .journal(new InMemoryJournal()).build()).status());
            lab.awaitJoined(ZONE_NODE, Duration.ofMinutes(2));
            assertEquals(DecommissionStatus.NONE, os.allocation().decommissionStatus("zone").state());
            assertTrue(os.allocation().awarenessWeights("zone").weights().isEmpty());
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                os.allocation().deleteDecommission();
                os.allocation().deleteAwarenessWeights("zone");
                os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(AWARENESS, null)
                        .persistent(FORCED, null).build());
                lab.awaitJoined(ZONE_NODE, Duration.ofMinutes(2));
                AllocationLabSupport.green(os);
            }
        }
    }
}
