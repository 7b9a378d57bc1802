package io.opsstack.opensearch.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.AllocationEnable;
import io.opsstack.opensearch.model.AllocationFilter;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.SettingSource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterSettingsLabTest {
    private static final String ENABLE = "cluster.routing.allocation.enable";
    private static final String EXCLUDE_NAME = AllocationFilter.EXCLUDE.clusterKey(AllocationFilter.BY_NAME);
    private static final String CONCURRENT_REBALANCE = "cluster.routing.allocation.cluster_concurrent_rebalance";

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void persistentAndTransientValuesAreReadBackAndUnset(String version) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            ClusterSettings before = os.clusterSettings();
            assertEquals(SettingSource.DEFAULT, before.allocationEnable().source());
            assertEquals(AllocationEnable.ALL, before.allocationEnable().value());
            assertTrue(before.diskThresholdEnabled().isSet());
            assertEquals(SettingSource.DEFAULT, before.recoveryMaxBytesPerSec().source());
            try {
                assertTrue(os.putClusterSettings(ClusterSettingsUpdate.builder()
                        .persistent(ENABLE, AllocationEnable.PRIMARIES)
                        .transientSetting(ENABLE, AllocationEnable.ALL)
                        .persistent(EXCLUDE_NAME, List.of("no-such-node-a", "no-such-node-b"))
                        .transientSetting(CONCURRENT_REBALANCE, 3)
                        .build()));

                ClusterSettings set = os.clusterSettings(false);
                assertEquals("primaries", set.persistent().get(ENABLE));
                assertEquals("all", set.transientSettings().get(ENABLE));
                assertEquals(SettingSource.TRANSIENT, set.allocationEnable().source());
                assertEquals(AllocationEnable.ALL, set.allocationEnable().value());
                assertEquals(List.of("no-such-node-a", "no-such-node-b"), set.exclude(AllocationFilter.BY_NAME).value());
                assertEquals(SettingSource.PERSISTENT, set.exclude(AllocationFilter.BY_NAME).source());
                assertEquals(3, set.clusterConcurrentRebalance().value());
                assertEquals(SettingSource.TRANSIENT, set.clusterConcurrentRebalance().source());

                os.putClusterSettings(ClusterSettingsUpdate.builder().transientSetting(ENABLE, null).build());
                ClusterSettings persistentOnly = os.clusterSettings(false);
                assertEquals(SettingSource.PERSISTENT, persistentOnly.allocationEnable().source());
                assertEquals(AllocationEnable.PRIMARIES, persistentOnly.allocationEnable().value());
            } finally {
                os.putClusterSettings(ClusterSettingsUpdate.builder()
                        .persistent(ENABLE, null).transientSetting(ENABLE, null)
                        .persistent(EXCLUDE_NAME, null).transientSetting(CONCURRENT_REBALANCE, null).build());
            }
            ClusterSettings after = os.clusterSettings();
            assertFalse(after.persistent().containsKey(ENABLE));
            assertFalse(after.transientSettings().containsKey(ENABLE));
            assertFalse(after.persistent().containsKey(EXCLUDE_NAME));
            assertFalse(after.transientSettings().containsKey(CONCURRENT_REBALANCE));
            assertEquals(SettingSource.DEFAULT, after.allocationEnable().source());
        }
    }
}
