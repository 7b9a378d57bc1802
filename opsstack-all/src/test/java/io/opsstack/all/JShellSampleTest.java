package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs samples/jshell/drain-node.jsh through the opsstack-shell wrapper with the JDK's jshell against the shared lab. */
@ExtendWith(OpenSearchLabExtension.class)
class JShellSampleTest {
    private static final String NODE = "opensearch-cold-1";
    private static final String INDEX = "jshell-drain";

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
            LabIndices.deleteQuietly(os, List.of(INDEX));
            os.close();
        }
    }

    private JarProcess.Result drainScript(String node) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", JarProcess.javaBin("jshell").getParent() + ":" + System.getenv("PATH"));
        env.put("OPSSTACK_JAR", JarProcess.jar().toString());
        env.put("OPSSTACK_OPENSEARCH_URL", LabIndices.url(lab));
        env.put("OPSSTACK_HOME", work.resolve("home").toString());
        env.put("OPSSTACK_YES", "true");
        env.put("DRAIN_NODE", node);
        Path jshell = JarProcess.samplesDir().resolve("jshell");
        return JarProcess.run(List.of("sh", jshell.resolve("opsstack-shell").toString(),
                jshell.resolve("drain-node.jsh").toString()), env, work);
    }

    @Test
    void drainsANodeAndExitsZero() {
        // Shards start on the cold node, then may live anywhere: the drain has somewhere to move them.
        LabIndices.create(os, INDEX, "cold", 0);
        Map<String, Object> unpin = new HashMap<>();
        unpin.put(LabIndices.REQUIRE_TEMP, null);
        os.putIndexSettings(INDEX, unpin);
        try {
            JarProcess.Result result = drainScript(NODE);
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.stdout().contains("SUCCEEDED"), result::toString);
            assertFalse(LabIndices.nodesOf(os, INDEX).contains(NODE), "no shard left on the drained node");
        } finally {
            Operation<Void> undrain = os.undrain(NODE);
            undrain.apply(undrain.plan(), ApplyOptions.builder().journal(new InMemoryJournal()).build());
        }
    }

    @Test
    void aFailingScriptExitsNonZero() {
        JarProcess.Result result = drainScript("no-such-node");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("error:"), result::toString);
    }
}
