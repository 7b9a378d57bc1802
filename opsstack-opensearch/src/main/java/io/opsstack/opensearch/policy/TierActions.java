package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import java.util.Map;
import java.util.Objects;

/** Factories for {@link TierAction}s, e.g. {@code TierActions.require("temp", "warm")}. */
public final class TierActions {
    private TierActions() {
    }

    /** Moves the index to nodes whose {@code attribute} equals {@code value} (a tier, e.g. {@code temp=warm}). */
    public static TierAction require(String attribute, String value) {
        return new TierAction.Allocation(AllocationRule.REQUIRE, attribute, value, false);
    }

    public static TierAction include(String attribute, String value) {
        return new TierAction.Allocation(AllocationRule.INCLUDE, attribute, value, false);
    }

    public static TierAction exclude(String attribute, String value) {
        return new TierAction.Allocation(AllocationRule.EXCLUDE, attribute, value, false);
    }

    public static TierAction replicas(int replicas) {
        return new TierAction.ReplicaCount(replicas);
    }

    public static TierAction forceMerge(int maxSegments) {
        return new TierAction.ForceMerge(maxSegments);
    }

    public static TierAction readOnly() {
        return new TierAction.ReadOnly();
    }

    public static TierAction readWrite() {
        return new TierAction.ReadWrite();
    }

    public static TierAction shrink(int shards) {
        return new TierAction.Shrink(shards);
    }

    public static TierAction indexPriority(int priority) {
        return new TierAction.IndexPriority(priority);
    }

    public static TierAction close() {
        return new TierAction.Close();
    }

    public static TierAction open() {
        return new TierAction.Open();
    }

    public static TierAction delete() {
        return new TierAction.Delete();
    }

    /**
     * Reads {@link TierAction#toMap()}'s form: {@code type} plus {@code rule}/{@code attribute}/{@code value}/{@code wait_for}
     * (allocation), {@code replicas}, {@code max_segments}, {@code shards} or {@code priority}.
     */
    public static TierAction fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        String type = String.valueOf(map.get("type"));
        return switch (type) {
            case "allocation" -> new TierAction.Allocation(
                    AllocationRule.parse(map.containsKey("rule") ? String.valueOf(map.get("rule")) : "require"),
                    text(map, "attribute"), text(map, "value"), Boolean.parseBoolean(String.valueOf(map.get("wait_for"))));
            case "replica_count" -> replicas(number(map, "replicas"));
            case "force_merge" -> forceMerge(number(map, "max_segments"));
            case "read_only" -> readOnly();
            case "read_write" -> readWrite();
            case "shrink" -> shrink(number(map, "shards"));
            case "index_priority" -> indexPriority(number(map, "priority"));
            case "close" -> close();
            case "open" -> open();
            case "delete" -> delete();
            default -> throw new OpsValidationException("unknown tier action type '" + type + "'; known: allocation, "
                    + "replica_count, force_merge, read_only, read_write, shrink, index_priority, close, open, delete");
        };
    }

    private static String text(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new OpsValidationException("tier action " + map.get("type") + " needs '" + key + "'");
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("tier action " + map.get("type") + ": '" + key + "' must be a whole number, was '"
                    + value + "'");
        }
    }
}
