package io.opsstack.opensearch.internal;

import java.util.List;

/**
 * What one of the client's endpoints reaches: one node, whichever node is up (a balancer or proxy: {@code node} null),
 * or nothing (a loopback endpoint that did not answer, a host name that does not resolve).
 */
public record EndpointTarget(String node, boolean answers) {

    public static EndpointTarget node(String name) {
        return new EndpointTarget(name, true);
    }

    public static EndpointTarget anyNode() {
        return new EndpointTarget(null, true);
    }

    public static EndpointTarget unreachable() {
        return new EndpointTarget(null, false);
    }

    /** True if the endpoint still reaches the cluster while the nodes of {@code group} are down. */
    public boolean staysUpWithout(List<String> group) {
        return answers && (node == null || !group.contains(node));
    }

    /** {@code hot-1}, {@code not a single node} or {@code did not answer}. */
    public String describe() {
        return !answers ? "did not answer" : node == null ? "not a single node" : node;
    }
}
