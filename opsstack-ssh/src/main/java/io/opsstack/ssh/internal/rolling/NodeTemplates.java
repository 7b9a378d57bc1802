package io.opsstack.ssh.internal.rolling;

import java.util.Map;

import io.opsstack.ssh.ServiceNode;

/** Per-node values from templates: {@code {node}} is the node's name, {@code {host}} its SSH host. */
public final class NodeTemplates {

    private NodeTemplates() {
    }

    /** {@code {node}} and {@code {host}} replaced by the node name and its SSH host. */
    public static String expand(String template, ServiceNode node) {
        return template.replace("{node}", node.node()).replace("{host}", node.target().host());
    }

    /** The node's own value if one is set, else the template expanded for the node. */
    public static String perNode(Map<String, String> overrides, String template, ServiceNode node) {
        String own = overrides.get(node.node());
        return own != null ? own : expand(template, node);
    }
}
