package io.opsstack.opensearch.internal.ops.tier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which data nodes an index's allocation filters ({@code index.routing.allocation.require|include|exclude.<attr>})
 * allow. Results are cached per distinct filter set, as many indices share the same filters.
 */
final class AllocationFilters {
    private static final String PREFIX = "index.routing.allocation.";

    private final List<ClusterView.DataNode> nodes;
    private final Map<Map<String, String>, Set<String>> cache = new HashMap<>();

    AllocationFilters(List<ClusterView.DataNode> nodes) {
        this.nodes = nodes;
    }

    /** Names of the nodes that satisfy every require/include/exclude filter in {@code settings}. */
    Set<String> allowedNodes(Map<String, String> settings) {
        Map<String, String> filters = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && value != null && !value.isBlank() && rule(key) != null) {
                filters.put(key, value);
            }
        });
        return cache.computeIfAbsent(filters, this::evaluate);
    }

    private Set<String> evaluate(Map<String, String> filters) {
        Set<String> allowed = new HashSet<>();
        for (ClusterView.DataNode node : nodes) {
            boolean ok = true;
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                String rest = filter.getKey().substring(PREFIX.length());
                String rule = rule(filter.getKey());
                String attribute = rest.substring(rule.length() + 1);
                String nodeValue = "_name".equals(attribute) ? node.name() : node.attributes().get(attribute);
                boolean listed = nodeValue != null && new HashSet<>(Arrays.asList(filter.getValue().split(","))).contains(nodeValue);
                if (rule.equals("exclude") == listed) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                allowed.add(node.name());
            }
        }
        return Set.copyOf(allowed);
    }

    private static String rule(String key) {
        String rest = key.substring(PREFIX.length());
        for (String rule : new String[] {"require", "include", "exclude"}) {
            if (rest.startsWith(rule + ".") && rest.length() > rule.length() + 1) {
                return rule;
            }
        }
        return null;
    }
}
