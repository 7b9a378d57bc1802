package io.opsstack.opensearch.lab.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.IsmApi;
import io.opsstack.opensearch.IsmPluginMissingException;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lab runs the minimal distribution, which has no ISM plugin: every ISM call must say so. */
class IsmPluginMissingLabTest {

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void everyIsmCallNamesTheMissingPlugin(String version) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            IsmApi ism = os.ism();
            IsmPluginMissingException listing = assertThrows(IsmPluginMissingException.class, ism::policies);
            assertEquals("opensearch-index-management", listing.plugin());
            assertTrue(listing.getMessage().contains("opensearch-index-management")
                    && listing.getMessage().contains("tierRun"), listing.getMessage());
            assertThrows(IsmPluginMissingException.class, () -> ism.getPolicy("logs"));
            assertThrows(IsmPluginMissingException.class, () -> ism.explain("logs-*"));
            assertThrows(IsmPluginMissingException.class, () -> ism.putPolicy(TierRunLabTest.policy("logs", "warm")));
            assertThrows(IsmPluginMissingException.class, () -> ism.addPolicy("logs-*", "logs-lifecycle"));
        }
    }
}
