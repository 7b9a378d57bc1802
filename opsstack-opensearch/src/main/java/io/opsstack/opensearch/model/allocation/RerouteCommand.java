package io.opsstack.opensearch.model.allocation;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code _cluster/reroute} command. Only the commands that cannot lose data are offered:
 * {@link #move}, {@link #cancel} and {@link #allocateReplica}.
 *
 * @param type the command
 * @param node for MOVE the source node, for CANCEL and ALLOCATE_REPLICA the node
 * @param toNode for MOVE the target node, otherwise null
 * @param allowPrimary CANCEL only: whether a primary may be cancelled
 */
public record RerouteCommand(Type type, String index, int shard, String node, String toNode, boolean allowPrimary)
        implements Serializable {

    /** The reroute commands opsstack sends. */
    public enum Type { MOVE, CANCEL, ALLOCATE_REPLICA }

    public RerouteCommand {
        Objects.requireNonNull(type, "type");
        if (index == null || index.isBlank() || node == null || node.isBlank() || shard < 0) {
            throw new OpsValidationException("a reroute command needs an index, a shard number and a node");
        }
        if ((type == Type.MOVE) != (toNode != null && !toNode.isBlank())) {
            throw new OpsValidationException("a target node is required for, and only for, move commands");
        }
    }

    public static RerouteCommand move(String index, int shard, String fromNode, String toNode) {
        return new RerouteCommand(Type.MOVE, index, shard, fromNode, toNode, false);
    }

    public static RerouteCommand cancel(String index, int shard, String node, boolean allowPrimary) {
        return new RerouteCommand(Type.CANCEL, index, shard, node, null, allowPrimary);
    }

    public static RerouteCommand allocateReplica(String index, int shard, String node) {
        return new RerouteCommand(Type.ALLOCATE_REPLICA, index, shard, node, null, false);
    }

    /** The command as the server expects it, e.g. {@code {"move":{"index":…,"from_node":…,"to_node":…}}}. */
    public Map<String, Object> toRequestBody() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("index", index);
        args.put("shard", shard);
        switch (type) {
            case MOVE -> {
                args.put("from_node", node);
                args.put("to_node", toNode);
            }
            case CANCEL -> {
                args.put("node", node);
                args.put("allow_primary", allowPrimary);
            }
            case ALLOCATE_REPLICA -> args.put("node", node);
            default -> throw new IllegalStateException(type.name());
        }
        return Map.of(type.name().toLowerCase(Locale.ROOT), args);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + " " + index + "[" + shard + "] " + node
                + (toNode == null ? "" : " -> " + toNode);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.name());
        map.put("index", index);
        map.put("shard", shard);
        map.put("node", node);
        map.put("to_node", toNode);
        map.put("allow_primary", allowPrimary);
        return map;
    }
}
