package io.opsstack.victoria.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a component's start flags live, read and written in place: an args or environment file, a
 * systemd drop-in, over SSH or locally. Membership operations change {@code -storageNode} through it
 * and then restart the node with {@link io.opsstack.api.service.ServiceControl}, because the open-source
 * cluster reads the list only at start.
 *
 * <p>Nodes are named as in the {@link io.opsstack.victoria.model.ClusterDefinition}. Flag names are
 * given without the leading dash ({@code storageNode}). Implementations keep unrelated content
 * (other flags, comments) and must be safe to call from one apply thread at a time. Built-in:
 * {@link FileFlagSource}.
 */
public interface FlagSource {

    /** Every flag the node's file sets, in file order; a repeated flag joined with commas. Empty when none. */
    Map<String, String> flags(String node);

    /** Sets one flag, replacing every earlier setting of it; {@code value} null removes it. */
    void setFlag(String node, String name, String value);

    /** Where the node's flags live, for plans and messages (e.g. {@code node140:/etc/default/vminsert}). */
    String location(String node);

    /** One flag's value, if the file sets it. */
    default Optional<String> flag(String node, String name) {
        return Optional.ofNullable(flags(node).get(name));
    }

    /** The node's {@code -storageNode} list as written (no default ports added); empty when not set. */
    default List<String> storageNodes(String node) {
        List<String> items = new ArrayList<>();
        for (String item : flag(node, "storageNode").orElse("").split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    /** Writes the node's {@code -storageNode} list as one comma-separated flag. */
    default void storageNodes(String node, List<String> storageNodes) {
        setFlag(node, "storageNode", String.join(",", storageNodes));
    }
}
