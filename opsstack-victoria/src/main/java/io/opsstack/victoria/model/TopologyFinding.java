package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One vminsert's or vmselect's {@code -storageNode} list as read from its {@code /flags}, compared
 * with the definition. Addresses are compared with the default port added (8400 for vminsert,
 * 8401 for vmselect), as the components themselves do.
 *
 * @param type       vminsert or vmselect
 * @param node       the node's name
 * @param expected   the definition's list for this component type
 * @param actual     the list from {@code /flags} (empty when it could not be read)
 * @param missing    expected but not listed by the process
 * @param unexpected listed by the process but not in the definition
 * @param matches    lists agree (as sets) and were read
 * @param message    a sentence saying what differs, or {@code "matches"}
 */
public record TopologyFinding(ComponentType type, String node, List<String> expected, List<String> actual,
                              List<String> missing, List<String> unexpected, boolean matches, String message)
        implements Serializable {

    public TopologyFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
        expected = List.copyOf(expected);
        actual = List.copyOf(actual);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.id());
        map.put("node", node);
        map.put("expected", expected);
        map.put("actual", actual);
        map.put("missing", missing);
        map.put("unexpected", unexpected);
        map.put("matches", matches);
        map.put("message", message);
        return map;
    }
}
