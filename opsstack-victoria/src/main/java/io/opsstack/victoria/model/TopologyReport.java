package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The definition checked against reality: every vminsert's and vmselect's {@code -storageNode}
 * list from {@code /flags}, and vminsert's {@code -replicationFactor}.
 *
 * @param cluster  the definition's name
 * @param findings one per vminsert and vmselect node
 * @param problems other disagreements (e.g. a different replication factor), one sentence each
 */
public record TopologyReport(String cluster, List<TopologyFinding> findings, List<String> problems)
        implements Serializable {

    public TopologyReport {
        Objects.requireNonNull(cluster, "cluster");
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    /** True when every list matches and nothing else disagrees. */
    public boolean consistent() {
        return problems.isEmpty() && findings.stream().allMatch(TopologyFinding::matches);
    }

    /** Every disagreement, one sentence each. */
    public List<String> disagreements() {
        List<String> all = new ArrayList<>();
        findings.stream().filter(f -> !f.matches()).forEach(f -> all.add(f.type().id() + " " + f.node() + ": " + f.message()));
        all.addAll(problems);
        return List.copyOf(all);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cluster", cluster);
        map.put("consistent", consistent());
        map.put("findings", findings.stream().map(TopologyFinding::toMap).toList());
        map.put("problems", problems);
        return map;
    }
}
