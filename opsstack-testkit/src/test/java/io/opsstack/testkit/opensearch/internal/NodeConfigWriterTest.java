package io.opsstack.testkit.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.testkit.opensearch.LabNodeSpec;
import io.opsstack.testkit.opensearch.NodeRole;

class NodeConfigWriterTest {

    private final NodeLayout layout = new NodeLayout(Path.of("/lab/c1/node-a"), "c1");

    @Test
    void writesSortedQuotedYamlWithFlowLists() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("node.name", "node-a");
        settings.put("discovery.seed_hosts", List.of("127.0.0.1:9301", "127.0.0.1:9302"));
        settings.put("node.attr.note", "say \"hi\"\\");

        String yaml = NodeConfigWriter.yaml(settings);

        assertTrue(yaml.contains("discovery.seed_hosts: [\"127.0.0.1:9301\", \"127.0.0.1:9302\"]\n"), yaml);
        assertTrue(yaml.contains("node.attr.note: \"say \\\"hi\\\"\\\\\"\n"), yaml);
        assertTrue(yaml.indexOf("discovery.seed_hosts") < yaml.indexOf("node.name"), yaml);
    }

    @Test
    void pointsRelativeJvmPathsIntoTheNodeAndDistribution() {
        Path home = Path.of("/dist/opensearch-3.4.0");

        assertEquals("9-:-Xlog:gc*:file=/lab/c1/node-a/logs/gc.log:utctime",
                NodeConfigWriter.absolutePaths("9-:-Xlog:gc*:file=logs/gc.log:utctime", home, layout));
        assertEquals("-XX:HeapDumpPath=/lab/c1/node-a/data",
                NodeConfigWriter.absolutePaths("-XX:HeapDumpPath=data", home, layout));
        assertEquals("-XX:ErrorFile=/lab/c1/node-a/logs/hs_err_pid%p.log",
                NodeConfigWriter.absolutePaths("-XX:ErrorFile=logs/hs_err_pid%p.log", home, layout));
        assertEquals("21-:-javaagent:/dist/opensearch-3.4.0/agent/opensearch-agent.jar",
                NodeConfigWriter.absolutePaths("21-:-javaagent:agent/opensearch-agent.jar", home, layout));
        assertEquals("## file=logs/x", NodeConfigWriter.absolutePaths("## file=logs/x", home, layout));
    }

    @Test
    void nodeSettingsWinOverClusterSettingsAndBindToLoopback() {
        LabNodeSpec spec = LabNodeSpec.builder("node-a").roles(NodeRole.DATA).attribute("temp", "warm")
                .setting("node.processors", "1").build();

        Map<String, Object> settings = NodeSettings.of("c1", spec, layout, 9200, 9300, List.of("127.0.0.1:9300"),
                List.of("node-m"), Path.of("/repo"), Map.of("node.processors", "2", "cluster.max_shards_per_node", "50"));

        assertEquals("1", settings.get("node.processors"));
        assertEquals("50", settings.get("cluster.max_shards_per_node"));
        assertEquals("127.0.0.1", settings.get("network.host"));
        assertEquals("warm", settings.get("node.attr.temp"));
        assertEquals(List.of("data"), settings.get("node.roles"));
        assertEquals(List.of("/repo"), settings.get("path.repo"));
        assertEquals(List.of("node-m"), settings.get("cluster.initial_cluster_manager_nodes"));
        assertEquals("/lab/c1/node-a/data", settings.get("path.data"));
    }
}
