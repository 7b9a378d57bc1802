package io.opsstack.victoria.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.model.TopologyFinding;
import io.opsstack.victoria.model.TopologyReport;

/** Compares each vminsert's and vmselect's {@code /flags} with the definition. */
public final class TopologyChecker {

    private TopologyChecker() {
    }

    /**
     * @param vminsertReadings readings by node name, in definition order
     * @param vmselectReadings readings by node name, in definition order
     */
    public static TopologyReport check(ClusterDefinition definition, Map<String, NodeReading> vminsertReadings,
                                       Map<String, NodeReading> vmselectReadings) {
        List<TopologyFinding> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        vminsertReadings.forEach((node, reading) -> {
            findings.add(finding(ComponentType.VMINSERT, node, reading, definition.vminsertStorageList(),
                    StorageNode.DEFAULT_VMINSERT_PORT));
            if (reading.readable()) {
                String rf = reading.flags().value("replicationFactor").orElse("1");
                if (!rf.equals(Integer.toString(definition.replicationFactor()))) {
                    problems.add("vminsert " + node + ": runs with -replicationFactor=" + rf + " but the definition says "
                            + definition.replicationFactor());
                }
            }
        });
        vmselectReadings.forEach((node, reading) -> findings.add(finding(ComponentType.VMSELECT, node, reading,
                definition.vmselectStorageList(), StorageNode.DEFAULT_VMSELECT_PORT)));
        return new TopologyReport(definition.name(), findings, problems);
    }

    private static TopologyFinding finding(ComponentType type, String node, NodeReading reading, List<String> expected,
                                           int defaultPort) {
        if (!reading.readable()) {
            return new TopologyFinding(type, node, expected, List.of(), List.of(), List.of(), false,
                    "could not read the node: " + reading.error());
        }
        List<String> actual = StorageLists.fromFlags(reading.flags(), defaultPort);
        if (actual.isEmpty()) {
            return new TopologyFinding(type, node, expected, actual, expected, List.of(), false,
                    "/flags shows no -storageNode (hidden by -flagsAuthKey, or set another way)");
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new LinkedHashSet<>(actual);
        unexpected.removeAll(expected);
        boolean matches = missing.isEmpty() && unexpected.isEmpty();
        String message = matches ? "matches" : "-storageNode differs from the definition:"
                + (missing.isEmpty() ? "" : " missing " + missing) + (unexpected.isEmpty() ? "" : " not in the definition " + unexpected)
                + " (the list is read at start only; a change needs a restart with the new list)";
        return new TopologyFinding(type, node, expected, actual, List.copyOf(missing), List.copyOf(unexpected), matches, message);
    }
}
