package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

class OpenSearchLabBuilderTest {

    @Test
    void scriptOptionsConfigureTheLab() {
        OpenSearchLab lab = OpenSearchLab.builder().fromMap(Map.of(
                "version", "3.4.0",
                "clusterName", "pipeline-test",
                "topology", "hot-warm-cold-two-hot",
                "startTimeout", 90,
                "stopTimeout", "PT10S",
                "clusterSettings", Map.of("action.destructive_requires_name", "true"),
                "jvmOptions", List.of("-XX:+UseSerialGC"))).build();

        assertEquals("3.4.0", lab.version());
        assertEquals("pipeline-test", lab.clusterName());
        assertEquals(LabTopology.hotWarmColdTwoHot(), lab.topology());
        assertEquals(lab.topology(), lab.toBuilder().build().topology());
        assertThrows(IllegalStateException.class, lab::httpEndpoints, "not started yet");
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        OpsValidationException unknown = assertThrows(OpsValidationException.class,
                () -> OpenSearchLab.builder().fromMap(Map.of("nodes", 3)));
        assertTrue(unknown.getMessage().contains("nodes"));
        assertThrows(OpsValidationException.class, () -> OpenSearchLab.builder().version("latest"));
        assertThrows(OpsValidationException.class, () -> OpenSearchLab.builder().clusterName("a/b"));
        assertThrows(OpsValidationException.class, () -> OpenSearchLab.builder().fromMap(Map.of("startTimeout", "soon")));
        assertThrows(OpsValidationException.class, () -> OpenSearchLab.builder().startTimeout(java.time.Duration.ZERO));
    }
}
