package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs samples/groovy and the Jenkins shared-library step with Groovy 4 and the shaded jar against the shared lab. */
@ExtendWith(OpenSearchLabExtension.class)
class GroovySamplesTest {
    private static final List<String> INDICES = List.of("groovy-move", "jenkins-move");

    private static OpenSearchLab lab;
    private static OpenSearchOps os;

    @TempDir
    Path work;

    @BeforeAll
    static void startLab() {
        lab = LabIndices.lab();
        os = OpenSearchOps.connect(LabIndices.url(lab));
    }

    @AfterAll
    static void cleanUp() {
        if (os != null) {
            LabIndices.deleteQuietly(os, INDICES);
            os.close();
        }
    }

    private static Path sample(String path) {
        return JarProcess.samplesDir().resolve(path);
    }

    @Test
    void tierMoveScriptAppliesAndReturnsTheResultMap() throws Exception {
        LabIndices.create(os, "groovy-move", "hot", 0);
        try (GroovyRunner groovy = new GroovyRunner(Map.of("url", LabIndices.url(lab), "index", "groovy-move",
                "tier", "cold", "journalDir", work.resolve("journal").toString()))) {
            Object result = groovy.evaluate(sample("groovy/tier-move.groovy"));
            assertTrue(result instanceof Map<?, ?>, "returns toMap(): " + result);
            assertEquals("SUCCEEDED", ((Map<?, ?>) result).get("status"), result::toString);
        }
        assertEquals(Set.of("opensearch-cold-1"), LabIndices.nodesOf(os, "groovy-move"));
    }

    @Test
    void clusterReportScriptReadsTheCluster() throws Exception {
        try (GroovyRunner groovy = new GroovyRunner(Map.of("url", LabIndices.url(lab)))) {
            Map<?, ?> report = (Map<?, ?>) groovy.evaluate(sample("groovy/cluster-report.groovy"));
            assertEquals(lab.clusterName(), report.get("cluster"));
            assertNotNull(report.get("shards_per_tier"));
        }
    }

    @Test
    void sharedLibraryStepPlansThenAppliesFromMaps() throws Exception {
        LabIndices.create(os, "jenkins-move", "hot", 0);
        Map<String, Object> connection = Map.of("endpoints", LabIndices.url(lab));
        Map<String, Object> request = Map.of("indices", "jenkins-move", "tier", "warm");
        try (GroovyRunner groovy = new GroovyRunner(Map.of())) {
            Object step = groovy.parse(sample("jenkins/vars/opsTierMove.groovy"));
            Map<?, ?> plan = (Map<?, ?>) GroovyRunner.invoke(step, "plan", connection, request);
            assertEquals("opensearch-tier-move", plan.get("operation"));
            String text = (String) GroovyRunner.invoke(step, "render", plan);
            assertTrue(text.contains("jenkins-move"), text);
            assertEquals("hot", os.indexSettings("jenkins-move").get(LabIndices.REQUIRE_TEMP), "planning changes nothing");

            Map<?, ?> result = (Map<?, ?>) GroovyRunner.invoke(step, "apply", connection, request, plan,
                    Map.of("journalDir", work.resolve("journal").toString()));
            assertEquals("SUCCEEDED", result.get("status"), result::toString);

            // The same plan map again, after the cluster moved on: refused as stale, through the shaded jar.
            Map<String, Object> options = Map.of("journalDir", work.resolve("journal2").toString());
            Exception stale = assertThrows(Exception.class, () -> GroovyRunner.invoke(step, "apply", connection, request, plan, options));
            assertEquals("io.opsstack.api.error.PlanStaleException", stale.getClass().getName(), stale::toString);
        }
        assertEquals(Set.of("opensearch-warm-1"), LabIndices.nodesOf(os, "jenkins-move"));
    }

    @Test
    void jenkinsfileIsValidGroovy() throws Exception {
        try (GroovyRunner groovy = new GroovyRunner(Map.of())) {
            assertNotNull(groovy.parse(sample("jenkins/Jenkinsfile")));
        }
    }
}
