package io.opsstack.opensearch.internal.ops.restart;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsstack.api.guard.GuardResult;

/**
 * Whether the client keeps an endpoint that reaches the cluster while each restart group is down: one reaching a node
 * outside the group, or one that is not a single node (a balancer). Without it the run could not see the group leave
 * and rejoin, nor put allocation back, and would stop with the group down.
 */
final class EndpointCoverage {

    private EndpointCoverage() {
    }

    /**
     * @param reached endpoint → the node it reaches, null for one that is not a single node
     * @param groups  the node groups the run restarts, in order
     */
    static GuardResult check(Map<URI, String> reached, List<List<String>> groups) {
        List<String> uncovered = new ArrayList<>();
        for (List<String> group : groups) {
            if (reached.values().stream().allMatch(node -> node != null && group.contains(node))) {
                uncovered.add(String.join("+", group));
            }
        }
        String endpoints = reached.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + (entry.getValue() == null ? "not a single node" : entry.getValue()))
                .collect(Collectors.joining(", "));
        if (uncovered.isEmpty()) {
            return GuardResult.pass("an endpoint stays up while each group restarts (" + endpoints + ")");
        }
        return GuardResult.fail("every endpoint is a node that " + uncovered + " restarts (" + endpoints + "): the run "
                + "could not follow the cluster while it is down; add the endpoint of another node, or a balancer");
    }
}
