package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action of a policy phase. Create them with {@link TierActions}; {@link #type()} is the ISM
 * action name and {@link #toMap()} the script form ({@code [type: 'replica_count', replicas: 0]}).
 */
public sealed interface TierAction extends Serializable {

    /** The ISM action name, e.g. {@code allocation}, {@code replica_count}. */
    String type();

    /** {@code type} plus the action's parameters, JDK types only; read back by {@link TierActions#fromMap}. */
    Map<String, Object> toMap();

    /** Sets {@code index.routing.allocation.<rule>.<attribute>} to {@code value}; moves data for REQUIRE/INCLUDE. */
    record Allocation(AllocationRule rule, String attribute, String value, boolean waitFor) implements TierAction {
        public Allocation {
            if (rule == null) {
                throw new OpsValidationException("allocation action needs a rule (require, include or exclude)");
            }
            requireName(attribute, "allocation attribute");
            requireName(value, "allocation value");
        }

        /** The index setting this action writes. */
        public String setting() {
            return rule.indexSetting(attribute);
        }

        @Override
        public String type() {
            return "allocation";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base(type());
            map.put("rule", rule.apiName());
            map.put("attribute", attribute);
            map.put("value", value);
            map.put("wait_for", waitFor);
            return map;
        }

        @Override
        public String toString() {
            return "allocation " + rule.apiName() + " " + attribute + "=" + value;
        }
    }

    /** Sets {@code index.number_of_replicas}. */
    record ReplicaCount(int replicas) implements TierAction {
        public ReplicaCount {
            if (replicas < 0) {
                throw new OpsValidationException("replica count must not be negative, was " + replicas);
            }
        }

        @Override
        public String type() {
            return "replica_count";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base(type());
            map.put("replicas", replicas);
            return map;
        }

        @Override
        public String toString() {
            return "replicas " + replicas;
        }
    }

    /** Merges every shard down to at most {@code maxSegments} segments. */
    record ForceMerge(int maxSegments) implements TierAction {
        public ForceMerge {
            if (maxSegments < 1) {
                throw new OpsValidationException("force merge needs max segments >= 1, was " + maxSegments);
            }
        }

        @Override
        public String type() {
            return "force_merge";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base(type());
            map.put("max_segments", maxSegments);
            return map;
        }

        @Override
        public String toString() {
            return "force merge to " + maxSegments + " segment(s)";
        }
    }

    /** Blocks writes ({@code index.blocks.write=true}). */
    record ReadOnly() implements TierAction {
        @Override
        public String type() {
            return "read_only";
        }

        @Override
        public Map<String, Object> toMap() {
            return base(type());
        }

        @Override
        public String toString() {
            return "read-only";
        }
    }

    /** Allows writes again ({@code index.blocks.write=false}). */
    record ReadWrite() implements TierAction {
        @Override
        public String type() {
            return "read_write";
        }

        @Override
        public Map<String, Object> toMap() {
            return base(type());
        }

        @Override
        public String toString() {
            return "read-write";
        }
    }

    /** Shrinks the index into a new one with {@code shards} primary shards (ISM only). */
    record Shrink(int shards) implements TierAction {
        public Shrink {
            if (shards < 1) {
                throw new OpsValidationException("shrink needs at least 1 target shard, was " + shards);
            }
        }

        @Override
        public String type() {
            return "shrink";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base(type());
            map.put("shards", shards);
            return map;
        }

        @Override
        public String toString() {
            return "shrink to " + shards + " shard(s)";
        }
    }

    /** Sets {@code index.priority} (recovery order after a restart). */
    record IndexPriority(int priority) implements TierAction {
        public IndexPriority {
            if (priority < 0) {
                throw new OpsValidationException("index priority must not be negative, was " + priority);
            }
        }

        @Override
        public String type() {
            return "index_priority";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base(type());
            map.put("priority", priority);
            return map;
        }

        @Override
        public String toString() {
            return "priority " + priority;
        }
    }

    /** Closes the index. */
    record Close() implements TierAction {
        @Override
        public String type() {
            return "close";
        }

        @Override
        public Map<String, Object> toMap() {
            return base(type());
        }

        @Override
        public String toString() {
            return "close";
        }
    }

    /** Opens a closed index. */
    record Open() implements TierAction {
        @Override
        public String type() {
            return "open";
        }

        @Override
        public Map<String, Object> toMap() {
            return base(type());
        }

        @Override
        public String toString() {
            return "open";
        }
    }

    /** Deletes the index. */
    record Delete() implements TierAction {
        @Override
        public String type() {
            return "delete";
        }

        @Override
        public Map<String, Object> toMap() {
            return base(type());
        }

        @Override
        public String toString() {
            return "delete";
        }
    }

    private static Map<String, Object> base(String type) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        return map;
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank() || value.contains(",") || !value.equals(value.trim())) {
            throw new OpsValidationException(what + " must be one non-blank name without commas or spaces, was '"
                    + value + "'");
        }
    }
}
