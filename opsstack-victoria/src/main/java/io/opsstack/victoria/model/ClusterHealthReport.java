package io.opsstack.victoria.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * Health of every process of a cluster at one moment, from {@code /health} and {@code /metrics}:
 * per component and per vmstorage address what is healthy and why not.
 *
 * @param cluster     the definition's name
 * @param checkedAt   when the report was taken
 * @param components  one entry per process of the definition
 * @param replication the {@code 2·RF−1} verdict of the definition
 */
public record ClusterHealthReport(String cluster, Instant checkedAt, List<ComponentHealth> components,
                                  ReplicationCheck replication) implements Serializable {

    public ClusterHealthReport {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(replication, "replication");
        components = List.copyOf(components);
    }

    /** True when no component has a problem. */
    public boolean healthy() {
        return components.stream().allMatch(ComponentHealth::healthy);
    }

    /** Every problem, prefixed with {@code type node: }. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        for (ComponentHealth component : components) {
            for (String problem : component.problems()) {
                all.add(component.type().id() + " " + component.node() + ": " + problem);
            }
        }
        return List.copyOf(all);
    }

    /** The components of one type, in definition order. */
    public List<ComponentHealth> components(ComponentType type) {
        return components.stream().filter(component -> component.type() == type).toList();
    }

    /** One component by type and node name. */
    public ComponentHealth component(ComponentType type, String node) {
        return components.stream().filter(c -> c.type() == type && c.node().equals(node)).findFirst()
                .orElseThrow(() -> new OpsValidationException("no " + type.id() + " '" + node
                        + "' in this health report"));
    }

    /** A multi-line human summary. */
    public String render() {
        StringBuilder out = new StringBuilder("cluster ").append(cluster).append(healthy() ? ": healthy" : ": NOT healthy")
                .append(" (").append(checkedAt).append(")\n");
        for (ComponentHealth component : components) {
            out.append("  ").append(component.type().id()).append(' ').append(component.node())
                    .append(component.healthy() ? " ok" : " PROBLEM").append('\n');
            for (String problem : component.problems()) {
                out.append("    - ").append(problem).append('\n');
            }
        }
        out.append("  replication: ").append(replication.message()).append('\n');
        return out.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cluster", cluster);
        map.put("checked_at", checkedAt.toString());
        map.put("healthy", healthy());
        map.put("problems", problems());
        map.put("components", components.stream().map(ComponentHealth::toMap).toList());
        map.put("replication", replication.toMap());
        return map;
    }

    @Override
    public String toString() {
        return "ClusterHealthReport[" + cluster + ", " + (healthy() ? "healthy" : problems().size() + " problem(s)") + "]";
    }
}
