package io.opsstack.opensearch.internal.ops.restart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;

/**
 * Splits the restart order into groups restarted together. A group is one node, unless zone parallelism
 * was asked for and is provably safe for a zone: allocation awareness is on for the zone attribute, every
 * shard with a copy in the zone has a STARTED copy outside it, the zone holds at most one
 * cluster-manager-eligible node, and it fits the max-unavailable budget. Then the zone's nodes form one
 * group at the position of its first node.
 */
public final class RestartGroups {

    /**
     * One restart step.
     *
     * @param nodes  nodes restarted together, in order
     * @param reason why they may go together; null for a single node
     */
    public record Group(List<String> nodes, String reason) {
        public Group {
            nodes = List.copyOf(nodes);
        }
    }

    private RestartGroups() {
    }

    /**
     * @param order          node names in restart order
     * @param nodes          node infos by name
     * @param shards         every shard copy of the cluster
     * @param zoneAttribute  the zone node attribute; null = one node at a time
     * @param awareness      the cluster's allocation awareness attributes
     * @param maxUnavailable nodes allowed down at once
     * @param notes          receives one line per zone explaining the decision
     */
    public static List<Group> groups(List<String> order, Map<String, NodeInfo> nodes, List<ShardRow> shards,
                                     String zoneAttribute, List<String> awareness, int maxUnavailable, List<String> notes) {
        Map<String, List<String>> zones = new LinkedHashMap<>();
        if (zoneAttribute != null) {
            for (String name : order) {
                String zone = nodes.get(name).attribute(zoneAttribute);
                if (zone != null) {
                    zones.computeIfAbsent(zone, z -> new ArrayList<>()).add(name);
                }
            }
        }
        Map<String, String> parallelZones = new LinkedHashMap<>();
        zones.forEach((zone, members) -> {
            if (members.size() < 2) {
                return;
            }
            String refusal = refusal(zone, members, nodes, shards, zoneAttribute, awareness, maxUnavailable);
            if (refusal == null) {
                String reason = zoneAttribute + "=" + zone + " " + members + " restart together: awareness on "
                        + zoneAttribute + " and every shard with a copy in the zone has a STARTED copy outside it";
                parallelZones.put(zone, reason);
                notes.add(reason);
            } else {
                notes.add(zoneAttribute + "=" + zone + " " + members + " one at a time: " + refusal);
            }
        });
        List<Group> groups = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String name : order) {
            if (placed.contains(name)) {
                continue;
            }
            String zone = zoneAttribute == null ? null : nodes.get(name).attribute(zoneAttribute);
            if (zone != null && parallelZones.containsKey(zone)) {
                List<String> members = zones.get(zone);
                groups.add(new Group(members, parallelZones.get(zone)));
                placed.addAll(members);
            } else {
                groups.add(new Group(List.of(name), null));
                placed.add(name);
            }
        }
        return groups;
    }

    private static String refusal(String zone, List<String> members, Map<String, NodeInfo> nodes, List<ShardRow> shards,
                                  String zoneAttribute, List<String> awareness, int maxUnavailable) {
        if (!awareness.contains(zoneAttribute)) {
            return "allocation awareness is not set on " + zoneAttribute + " (awareness attributes: " + awareness + ")";
        }
        if (members.size() > maxUnavailable) {
            return members.size() + " nodes exceed max-unavailable " + maxUnavailable;
        }
        long managers = members.stream().filter(name -> nodes.get(name).isClusterManagerEligible()).count();
        if (managers > 1) {
            return managers + " cluster-manager-eligible nodes (only one may restart at a time)";
        }
        Set<String> inZone = Set.copyOf(members);
        Map<String, Boolean> coveredOutside = new LinkedHashMap<>();
        Set<String> touchesZone = new LinkedHashSet<>();
        for (ShardRow row : shards) {
            String key = row.index() + "[" + row.shard() + "]";
            coveredOutside.putIfAbsent(key, false);
            if (row.node() != null && inZone.contains(row.node())) {
                touchesZone.add(key);
            } else if (row.node() != null && row.state() == ShardState.STARTED) {
                coveredOutside.put(key, true);
            }
        }
        List<String> uncovered = touchesZone.stream().filter(key -> !coveredOutside.get(key)).limit(5).toList();
        return uncovered.isEmpty() ? null : "shards without a STARTED copy outside " + zone + ": " + uncovered;
    }
}
