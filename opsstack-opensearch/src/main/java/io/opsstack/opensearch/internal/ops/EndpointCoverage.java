package io.opsstack.opensearch.internal.ops;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.opensearch.internal.EndpointNodes;
import io.opsstack.opensearch.internal.EndpointTarget;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.model.NodeInfo;

/**
 * Whether the client keeps an endpoint that reaches the cluster while each group of nodes an operation stops is down:
 * one reaching a node outside the group, or one that is not a single node (a balancer); an endpoint that did not
 * answer never counts. Without it the operation could not see the group leave (and rejoin), nor undo its settings,
 * and would stop with the group down.
 */
public final class EndpointCoverage {
    /** The guard's name, the same in every operation that stops nodes. */
    public static final String GUARD = "an-endpoint-stays-up";

    private EndpointCoverage() {
    }

    /** The verdict for the client's endpoints, identified against the cluster's {@code nodes}. */
    public static GuardResult check(RestClient rest, List<NodeInfo> nodes, List<List<String>> groups) {
        return check(EndpointNodes.identify(rest, nodes), groups);
    }

    /**
     * @param reached endpoint → what it reaches
     * @param groups  the groups of nodes the operation stops, in order
     */
    static GuardResult check(Map<URI, EndpointTarget> reached, List<List<String>> groups) {
        List<String> uncovered = new ArrayList<>();
        for (List<String> group : groups) {
            if (reached.values().stream().noneMatch(target -> target.staysUpWithout(group))) {
                uncovered.add(String.join("+", group));
            }
        }
        String endpoints = reached.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue().describe())
                .collect(Collectors.joining(", "));
        if (uncovered.isEmpty()) {
            return GuardResult.pass("an endpoint stays up while each group is down (" + endpoints + ")");
        }
        return GuardResult.fail("no endpoint stays up while " + uncovered + " is down (" + endpoints + "): the operation "
                + "could not follow the cluster then; add the endpoint of another node, or a balancer");
    }
}
