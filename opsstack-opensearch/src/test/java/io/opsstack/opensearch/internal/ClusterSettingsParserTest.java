package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.Fixtures;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.AllocationEnable;
import io.opsstack.opensearch.model.AllocationFilter;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.RebalanceEnable;
import io.opsstack.opensearch.model.Setting;
import io.opsstack.opensearch.model.SettingSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSettingsParserTest {

    private final ClusterSettings settings = ClusterSettingsParser.parse(Fixtures.read("cluster-settings.json"));

    @Test
    void keepsTheThreeLayersDistinct() {
        assertEquals("primaries", settings.persistent().get("cluster.routing.allocation.enable"));
        assertEquals("none", settings.transientSettings().get("cluster.routing.allocation.enable"));
        assertEquals("all", settings.defaults().get("cluster.routing.allocation.enable"));
        assertEquals("127.0.0.1:9300,127.0.0.1:9301", settings.defaults().get("discovery.seed_hosts"));
    }

    @Test
    void transientWinsOverPersistentWinsOverDefault() {
        Setting<AllocationEnable> enable = settings.allocationEnable();
        assertEquals(AllocationEnable.NONE, enable.value());
        assertEquals(SettingSource.TRANSIENT, enable.source());

        Setting<String> maxBytes = settings.recoveryMaxBytesPerSec();
        assertEquals("100kb", maxBytes.value());
        assertEquals(SettingSource.PERSISTENT, maxBytes.source());

        Setting<RebalanceEnable> rebalance = settings.rebalanceEnable();
        assertEquals(RebalanceEnable.ALL, rebalance.value());
        assertEquals(SettingSource.DEFAULT, rebalance.source());

        Setting<String> unknown = settings.effective("no.such.key");
        assertEquals(SettingSource.UNSET, unknown.source());
        assertNull(unknown.value());
        assertEquals("fallback", unknown.orElse("fallback"));
    }

    @Test
    void allocationFiltersDropEmptyTokens() {
        Setting<List<String>> names = settings.exclude(AllocationFilter.BY_NAME);
        assertEquals(List.of("opensearch-warm-1", "opensearch-cold-1"), names.value());
        assertEquals(SettingSource.PERSISTENT, names.source());

        Setting<List<String>> ips = settings.exclude(AllocationFilter.BY_IP);
        assertEquals(List.of(), ips.value());
        assertEquals(SettingSource.TRANSIENT, ips.source());
        assertEquals(",", ips.raw());

        Setting<List<String>> require = settings.require("temp");
        assertFalse(require.isSet());
        assertEquals(List.of(), require.value());
        assertEquals(settings.include(AllocationFilter.BY_HOST),
                settings.allocationFilter(AllocationFilter.INCLUDE, AllocationFilter.BY_HOST));
    }

    @Test
    void typedAllocationAccessors() {
        assertEquals(List.of("zone"), settings.awarenessAttributes().value());
        assertEquals(List.of("a", "b"), settings.awarenessForceValues("zone").value());
        assertTrue(settings.diskThresholdEnabled().value());
        assertEquals("85%", settings.diskWatermarkLow().value());
        assertEquals("90%", settings.diskWatermarkHigh().value());
        assertEquals("95%", settings.diskWatermarkFloodStage().value());
        assertEquals(4, settings.nodeConcurrentRecoveries().value());
        assertEquals(SettingSource.PERSISTENT, settings.nodeConcurrentRecoveries().source());
        assertEquals(2, settings.nodeConcurrentIncomingRecoveries().value());
        assertEquals(2, settings.nodeConcurrentOutgoingRecoveries().value());
        assertEquals(4, settings.nodeInitialPrimariesRecoveries().value());
        assertEquals(2, settings.clusterConcurrentRebalance().value());
        assertEquals(-1, settings.totalShardsPerNode().value());
    }

    @Test
    void nestedLayersAreFlattened() {
        ClusterSettings nested = ClusterSettingsParser.parse(Fixtures.read("cluster-settings-nested.json"));
        assertEquals(List.of("warm"), nested.require("temp").value());
        assertTrue(nested.defaults().isEmpty());
        assertEquals(SettingSource.UNSET, nested.allocationEnable().source());
    }

    @Test
    void malformedValuesAndAnswersFailClearly() {
        ClusterSettings odd = new ClusterSettings(java.util.Map.of("cluster.routing.allocation.enable", "sometimes"),
                null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, odd::allocationEnable);
        assertTrue(e.getMessage().contains("cluster.routing.allocation.enable"));
        assertThrows(OpenSearchResponseException.class, () -> ClusterSettingsParser.parse("{\"acknowledged\":true}"));
    }
}
