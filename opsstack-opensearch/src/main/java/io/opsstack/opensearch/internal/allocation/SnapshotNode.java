package io.opsstack.opensearch.internal.allocation;

import java.util.Map;
import java.util.Objects;

/**
 * A node as the planners see it.
 *
 * @param diskTotalBytes total disk; 0 when unknown (disk checks then pass)
 * @param diskAvailableBytes available disk
 */
public record SnapshotNode(String name, String id, boolean data, boolean managerEligible, Map<String, String> attributes,
                           long diskTotalBytes, long diskAvailableBytes) {

    public SnapshotNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
    }

    /** The node's value for a filter attribute: {@code _name}, {@code _id} or a custom attribute; null otherwise. */
    public String filterValue(String attribute) {
        return switch (attribute) {
            case "_name" -> name;
            case "_id" -> id;
            default -> attributes.get(attribute);
        };
    }
}
