package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameters of {@code GET _cluster/health}. Every field except {@code indices} may be null,
 * meaning "not sent" (the server default applies).
 *
 * @param indices index names or patterns to restrict the health to; empty = whole cluster
 * @param waitForStatus wait until the status is at least this colour
 * @param waitForNoRelocatingShards wait until no shard relocates
 * @param waitForNoInitializingShards wait until no shard initialises
 * @param waitForActiveShards {@code all} or a non-negative number
 * @param waitForNodes {@code N}, {@code >=N}, {@code <=N}, {@code >N}, {@code <N}, {@code ge(N)}, {@code le(N)}, {@code gt(N)}, {@code lt(N)}
 * @param waitForEvents wait until pending tasks of this priority and above are processed
 * @param timeout how long the server waits for the wait_for_* conditions
 * @param clusterManagerTimeout how long to wait for the elected cluster manager
 * @param local answer from the contacted node's cluster state instead of the cluster manager's
 * @param level detail level
 * @param awarenessAttribute awareness attribute to report; only with level {@link HealthLevel#AWARENESS_ATTRIBUTES}
 */
public record HealthRequest(
        List<String> indices,
        HealthStatus waitForStatus,
        Boolean waitForNoRelocatingShards,
        Boolean waitForNoInitializingShards,
        String waitForActiveShards,
        String waitForNodes,
        WaitForEvents waitForEvents,
        Duration timeout,
        Duration clusterManagerTimeout,
        Boolean local,
        HealthLevel level,
        String awarenessAttribute) implements Serializable {

    private static final Pattern WAIT_FOR_NODES = Pattern.compile("(>=|<=|>|<)?\\d+|(ge|le|gt|lt)\\(\\d+\\)");
    private static final Pattern ACTIVE_SHARDS = Pattern.compile("all|\\d+");

    public HealthRequest {
        indices = indices == null ? List.of() : List.copyOf(indices);
        for (String index : indices) {
            if (index.isBlank() || index.contains(",") || index.contains("/")) {
                throw new IllegalArgumentException("invalid index name or pattern: '" + index + "'");
            }
        }
        if (waitForNodes != null && !WAIT_FOR_NODES.matcher(waitForNodes.trim()).matches()) {
            throw new IllegalArgumentException("wait_for_nodes must look like N, >=N, <=N, >N, <N, ge(N), le(N), gt(N) "
                    + "or lt(N), got '" + waitForNodes + "'");
        }
        if (waitForNodes != null) {
            waitForNodes = waitForNodes.trim();
        }
        if (waitForActiveShards != null && !ACTIVE_SHARDS.matcher(waitForActiveShards.trim()).matches()) {
            throw new IllegalArgumentException("wait_for_active_shards must be 'all' or a non-negative number, got '"
                    + waitForActiveShards + "'");
        }
        if (waitForActiveShards != null) {
            waitForActiveShards = waitForActiveShards.trim();
        }
        requireNotNegative("timeout", timeout);
        requireNotNegative("cluster_manager_timeout", clusterManagerTimeout);
        if (awarenessAttribute != null && level != HealthLevel.AWARENESS_ATTRIBUTES) {
            throw new IllegalArgumentException("awareness_attribute needs level=awareness_attributes");
        }
    }

    /** The whole cluster, no waiting. */
    public static HealthRequest defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the REST parameter names: {@code indices} (list or comma string), {@code wait_for_status},
     * {@code wait_for_no_relocating_shards}, {@code wait_for_no_initializing_shards},
     * {@code wait_for_active_shards}, {@code wait_for_nodes}, {@code wait_for_events}, {@code timeout} and
     * {@code cluster_manager_timeout} (Duration, seconds as a number, or an ISO-8601 string such as
     * {@code PT30S}), {@code local}, {@code level}, {@code awareness_attribute}. Unknown keys are rejected.
     */
    public static HealthRequest fromMap(Map<String, ?> map) {
        Builder b = builder();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            String s = String.valueOf(v);
            switch (e.getKey()) {
                case "indices" -> b.indices(v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
                case "wait_for_status" -> b.waitForStatus(HealthStatus.parse(s));
                case "wait_for_no_relocating_shards" -> b.waitForNoRelocatingShards(Boolean.parseBoolean(s));
                case "wait_for_no_initializing_shards" -> b.waitForNoInitializingShards(Boolean.parseBoolean(s));
                case "wait_for_active_shards" -> b.waitForActiveShards(s);
                case "wait_for_nodes" -> b.waitForNodes(s);
                case "wait_for_events" -> b.waitForEvents(WaitForEvents.parse(s));
                case "timeout" -> b.timeout(toDuration(e.getKey(), v));
                case "cluster_manager_timeout" -> b.clusterManagerTimeout(toDuration(e.getKey(), v));
                case "local" -> b.local(Boolean.parseBoolean(s));
                case "level" -> b.level(HealthLevel.parse(s));
                case "awareness_attribute" -> b.awarenessAttribute(s);
                default -> throw new IllegalArgumentException("unknown health parameter '" + e.getKey() + "'");
            }
        }
        return b.build();
    }

    /** Non-null fields under their REST parameter names. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!indices.isEmpty()) {
            m.put("indices", new ArrayList<>(indices));
        }
        putIfSet(m, "wait_for_status", waitForStatus == null ? null : waitForStatus.apiValue());
        putIfSet(m, "wait_for_no_relocating_shards", waitForNoRelocatingShards);
        putIfSet(m, "wait_for_no_initializing_shards", waitForNoInitializingShards);
        putIfSet(m, "wait_for_active_shards", waitForActiveShards);
        putIfSet(m, "wait_for_nodes", waitForNodes);
        putIfSet(m, "wait_for_events", waitForEvents == null ? null : waitForEvents.apiValue());
        putIfSet(m, "timeout", timeout == null ? null : timeout.toString());
        putIfSet(m, "cluster_manager_timeout", clusterManagerTimeout == null ? null : clusterManagerTimeout.toString());
        putIfSet(m, "local", local);
        putIfSet(m, "level", level == null ? null : level.apiValue());
        putIfSet(m, "awareness_attribute", awarenessAttribute);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void requireNotNegative(String name, Duration d) {
        if (d != null && d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static Duration toDuration(String key, Object v) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Number n) {
            return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        }
        try {
            return Duration.parse(String.valueOf(v));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a Duration, seconds or ISO-8601 (PT30S), got '" + v + "'");
        }
    }

    /** Builder for {@link HealthRequest}; not thread-safe. */
    public static final class Builder {
        private List<String> indices = List.of();
        private HealthStatus waitForStatus;
        private Boolean waitForNoRelocatingShards;
        private Boolean waitForNoInitializingShards;
        private String waitForActiveShards;
        private String waitForNodes;
        private WaitForEvents waitForEvents;
        private Duration timeout;
        private Duration clusterManagerTimeout;
        private Boolean local;
        private HealthLevel level;
        private String awarenessAttribute;

        private Builder() {
        }

        private Builder(HealthRequest r) {
            indices = r.indices;
            waitForStatus = r.waitForStatus;
            waitForNoRelocatingShards = r.waitForNoRelocatingShards;
            waitForNoInitializingShards = r.waitForNoInitializingShards;
            waitForActiveShards = r.waitForActiveShards;
            waitForNodes = r.waitForNodes;
            waitForEvents = r.waitForEvents;
            timeout = r.timeout;
            clusterManagerTimeout = r.clusterManagerTimeout;
            local = r.local;
            level = r.level;
            awarenessAttribute = r.awarenessAttribute;
        }

        public Builder indices(List<String> indices) {
            this.indices = indices;
            return this;
        }

        public Builder indices(String... indices) {
            return indices(List.of(indices));
        }

        public Builder waitForStatus(HealthStatus status) {
            this.waitForStatus = status;
            return this;
        }

        public Builder waitForNoRelocatingShards(Boolean value) {
            this.waitForNoRelocatingShards = value;
            return this;
        }

        public Builder waitForNoInitializingShards(Boolean value) {
            this.waitForNoInitializingShards = value;
            return this;
        }

        /** {@code all} or a number. */
        public Builder waitForActiveShards(String value) {
            this.waitForActiveShards = value;
            return this;
        }

        /** E.g. {@code ">=3"}. */
        public Builder waitForNodes(String value) {
            this.waitForNodes = value;
            return this;
        }

        public Builder waitForEvents(WaitForEvents value) {
            this.waitForEvents = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder clusterManagerTimeout(Duration value) {
            this.clusterManagerTimeout = value;
            return this;
        }

        public Builder local(Boolean value) {
            this.local = value;
            return this;
        }

        public Builder level(HealthLevel value) {
            this.level = value;
            return this;
        }

        public Builder awarenessAttribute(String value) {
            this.awarenessAttribute = value;
            return this;
        }

        public HealthRequest build() {
            return new HealthRequest(indices, waitForStatus, waitForNoRelocatingShards, waitForNoInitializingShards,
                    waitForActiveShards, waitForNodes, waitForEvents, timeout, clusterManagerTimeout, local, level,
                    awarenessAttribute);
        }
    }
}
