package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.junit.SharedLabs;

/** Starts the hot/warm/cold lab on every configured version, one after the other. */
@ExtendWith(OpenSearchLabExtension.class)
class LabStartTest {

    @ParameterizedTest
    @MethodSource("io.opsstack.testkit.opensearch.LabVersions#all")
    void hotWarmColdFormsWithTieredNodesOnEveryVersion(String version) {
        OpenSearchLab lab = SharedLabs.openSearch(version, LabTopology.hotWarmCold());
        System.out.printf(Locale.ROOT, "[lab] 3 nodes of %s up in %.1f s%n", version, lab.startupTime().toMillis() / 1000.0);
        URI endpoint = lab.httpEndpoint();

        Map<String, String> versionByNode = rows(LabHttp.getOk(endpoint, "/_cat/nodes?h=name,version"));
        assertEquals(Map.of("opensearch-hot-1", version, "opensearch-warm-1", version, "opensearch-cold-1", version),
                versionByNode);
        assertTrue(LabHttp.getOk(endpoint, "/_cluster/health").contains("\"number_of_nodes\":3"));

        Map<String, String> temperatureByNode = new HashMap<>();
        for (String[] row : table(LabHttp.getOk(endpoint, "/_cat/nodeattrs?h=node,attr,value"))) {
            if (row[1].equals("temp")) {
                temperatureByNode.put(row[0], row[2]);
            }
        }
        assertEquals(Map.of("opensearch-hot-1", "hot", "opensearch-warm-1", "warm", "opensearch-cold-1", "cold"),
                temperatureByNode);

        for (LabNode node : lab.nodes()) {
            assertTrue(node.running(), node.name());
            assertEquals("127.0.0.1", node.httpUri().getHost());
            assertTrue(node.logPath().toFile().length() > 0, "console log written for " + node.name());
            assertTrue(node.directory().startsWith(lab.clusterDirectory().toString()));
        }
        assertEquals(lab.nodes().stream().map(LabNode::httpUri).collect(Collectors.toList()), lab.httpEndpoints());
        assertNodesRunWithTheScriptsJvmOptions(lab);
    }

    /**
     * The lab starts a node's JVM without bin/opensearch: its options must still be what the script would give,
     * the distribution's jvm.options with the lab's options and the node's own directories substituted.
     */
    private static void assertNodesRunWithTheScriptsJvmOptions(OpenSearchLab lab) {
        JsonNode nodes = json(LabHttp.getOk(lab.httpEndpoint(), "/_nodes/jvm?filter_path=nodes.*.name,nodes.*.jvm.input_arguments"))
                .path("nodes");
        assertEquals(lab.nodes().size(), nodes.size());
        for (JsonNode node : nodes) {
            String name = node.path("name").asText();
            LabNode labNode = lab.node(name);
            List<String> arguments = new ArrayList<>();
            node.path("jvm").path("input_arguments").forEach(argument -> arguments.add(argument.asText()));
            String heap = lab.topology().node(name).heap();
            for (String expected : List.of("-XX:+UseG1GC", "-Dlog4j2.disable.jmx=true", "-Xms" + heap, "-Xmx" + heap,
                    "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + Path.of(labNode.directory(), "tmp"),
                    "-XX:HeapDumpPath=" + labNode.dataDirectory(),
                    "-Dopensearch.path.conf=" + Path.of(labNode.directory(), "config"),
                    "-Dopensearch.distribution.type=zip")) {
                assertTrue(arguments.contains(expected), name + " lacks " + expected + " in " + arguments);
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static Map<String, String> rows(String catOutput) {
        Map<String, String> rows = new HashMap<>();
        for (String[] row : table(catOutput)) {
            rows.put(row[0], row[1]);
        }
        return rows;
    }

    private static List<String[]> table(String catOutput) {
        return Arrays.stream(catOutput.split("\\R"))
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toList());
    }
}
