package io.opsstack.opensearch.internal.ops.restart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.NodeInfo;

/**
 * Per-step gates of a rolling restart, read against the live cluster immediately before a group of nodes
 * goes down. The plan's topology (every node, the manager-eligible ones, the tiers) comes from the plan
 * parameters, so a resumed run in another process judges against the same expectations.
 */
final class NodeGates {

    private final OpenSearchOps client;

    NodeGates(OpenSearchOps client) {
        this.client = client;
    }

    /**
     * ECK's budget: nodes already missing plus the group must not exceed {@code maxUnavailable}; a group
     * whose nodes are all missing themselves may always go (restarting an unhealthy node heals).
     */
    GuardResult maxUnavailable(List<String> group, PlanTopology topology) {
        if (onlyGroupDown(group, topology)) {
            return GuardResult.pass(group + " already down; restarting it heals the cluster");
        }
        Set<String> joined = joinedNames();
        List<String> missingOthers = topology.clusterNodes().stream()
                .filter(name -> !joined.contains(name) && !group.contains(name)).toList();
        int unavailable = missingOthers.size() + group.size();
        if (unavailable > topology.maxUnavailable()) {
            return GuardResult.fail((missingOthers.isEmpty() ? "" : missingOthers.size() + " node(s) already unavailable "
                    + missingOthers + "; ") + "restarting " + group + " would make " + unavailable
                    + " unavailable, max-unavailable is " + topology.maxUnavailable());
        }
        return GuardResult.pass(unavailable + " of max-unavailable " + topology.maxUnavailable() + " node(s) down during the step");
    }

    /** Every node of the group is missing from the cluster and every other node of the plan is joined. */
    boolean onlyGroupDown(List<String> group, PlanTopology topology) {
        Set<String> joined = joinedNames();
        List<String> missing = topology.clusterNodes().stream().filter(name -> !joined.contains(name)).toList();
        return !group.isEmpty() && missing.size() == group.size() && missing.containsAll(group);
    }

    /** Only one manager-eligible node per step, and only while every other manager-eligible node is joined. */
    GuardResult oneClusterManagerAtATime(List<String> group, PlanTopology topology) {
        List<String> managersInGroup = group.stream().filter(topology.managerNodes()::contains).toList();
        if (managersInGroup.isEmpty()) {
            return GuardResult.pass("no cluster-manager-eligible node in " + group);
        }
        if (managersInGroup.size() > 1) {
            return GuardResult.fail("cluster-manager-eligible nodes " + managersInGroup + " would restart together");
        }
        Set<String> joined = joinedNames();
        List<String> missing = topology.managerNodes().stream()
                .filter(name -> !group.contains(name) && !joined.contains(name)).toList();
        if (!missing.isEmpty()) {
            return GuardResult.fail("cluster-manager-eligible node(s) " + missing + " are not joined; restarting "
                    + managersInGroup.get(0) + " now could lose the quorum");
        }
        if (client.clusterManagerNodeId() == null) {
            return GuardResult.fail("no cluster manager is elected");
        }
        return GuardResult.pass("all other " + (topology.managerNodes().size() - 1)
                + " cluster-manager-eligible nodes are joined and a manager is elected");
    }

    /** Every primary on the group has a STARTED copy on a node outside it (a RELOCATING source counts as in sync). */
    GuardResult primariesHaveStartedCopies(List<String> group) {
        List<String> uncovered = PrimaryCopies.uncovered(group, client.shards());
        return uncovered.isEmpty()
                ? GuardResult.pass("every primary on " + group + " has a STARTED copy on another node")
                : GuardResult.fail("primaries without a STARTED copy outside " + group + ": "
                        + uncovered.subList(0, Math.min(10, uncovered.size()))
                        + (uncovered.size() > 10 ? " and " + (uncovered.size() - 10) + " more" : "")
                        + "; their indices would become unavailable (add replicas or wait for them to start)");
    }

    /** At least one joined node of each tier of the group stays up, unless the tier has only one node. */
    GuardResult tierKeepsAHealthyNode(List<String> group, PlanTopology topology) {
        Set<String> joined = joinedNames();
        List<String> notes = new ArrayList<>();
        for (String node : group) {
            String tier = topology.tierOf(node);
            if (tier == null) {
                continue;
            }
            List<String> tierNodes = topology.nodesOfTier(tier);
            if (tierNodes.size() < 2) {
                notes.add(node + " is the only " + tier + " node");
                continue;
            }
            List<String> staying = tierNodes.stream().filter(name -> !group.contains(name) && joined.contains(name)).toList();
            if (staying.isEmpty()) {
                return GuardResult.fail("no other " + tier + " node of " + tierNodes + " is up while " + node
                        + " restarts: the tier would have no healthy node");
            }
            notes.add(tier + " keeps " + staying);
        }
        return GuardResult.pass(notes.isEmpty() ? "no tiered node in " + group : String.join("; ", notes));
    }

    Set<String> joinedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (NodeInfo node : client.nodes()) {
            names.add(node.name());
        }
        return names;
    }

    /** Joined nodes by name. */
    Map<String, NodeInfo> joined() {
        Map<String, NodeInfo> byName = new java.util.LinkedHashMap<>();
        client.nodes().forEach(node -> byName.put(node.name(), node));
        return byName;
    }
}
