package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Move shard copies off one node with {@code _cluster/reroute} {@code move} commands: every copy on
 * {@code fromNode}, or only those of {@code indices}; to {@code toNode}, or to targets chosen to
 * balance shard count and disk.
 *
 * @param indices index names to move; empty for every copy on the node
 * @param toNode the target node; null to choose per copy
 * @param waitTimeout how long each copy may take to start on its target
 * @param pollInterval how often placement is checked while waiting
 */
public record RelocationRequest(String fromNode, List<String> indices, String toNode, Duration waitTimeout,
                                Duration pollInterval) implements Serializable {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public RelocationRequest {
        if (fromNode == null || fromNode.isBlank()) {
            throw new OpsValidationException("a relocation needs the node to move copies from");
        }
        indices = List.copyOf(indices);
        if (toNode != null && (toNode.isBlank() || toNode.equals(fromNode))) {
            throw new OpsValidationException("the target node must differ from the source node");
        }
        RequestChecks.positive(waitTimeout, "waitTimeout");
        RequestChecks.positive(pollInterval, "pollInterval");
    }

    public static Builder builder(String fromNode) {
        return new Builder(fromNode);
    }

    /**
     * Keys (the {@link #toMap()} form): {@code from_node}, {@code indices} (list or comma-separated; none
     * for every copy on the node), {@code to_node} (absent or null to choose per copy),
     * {@code wait_timeout_seconds}, {@code poll_interval_millis}.
     */
    public static RelocationRequest fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, Set.of("from_node", "indices", "to_node", "wait_timeout_seconds",
                "poll_interval_millis"), "relocation");
        Builder builder = builder(OptionMaps.requiredString(map, "from_node", "a relocation").trim())
                .waitTimeout(RequestChecks.seconds(map, "wait_timeout_seconds", DEFAULT_WAIT_TIMEOUT))
                .pollInterval(RequestChecks.millis(map, "poll_interval_millis", DEFAULT_POLL_INTERVAL));
        Object indices = map.get("indices");
        if (indices != null) {
            RequestChecks.list(indices).forEach(builder::index);
        }
        Object toNode = map.get("to_node");
        if (toNode != null) {
            builder.toNode(toNode.toString().trim());
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from_node", fromNode);
        map.put("indices", indices);
        map.put("to_node", toNode);
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }

    public static final class Builder {
        private final String fromNode;
        private final List<String> indices = new ArrayList<>();
        private String toNode;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder(String fromNode) {
            this.fromNode = fromNode;
        }

        public Builder index(String index) {
            indices.add(index);
            return this;
        }

        public Builder toNode(String toNode) {
            this.toNode = toNode;
            return this;
        }

        public Builder waitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public RelocationRequest build() {
            return new RelocationRequest(fromNode, indices, toNode, waitTimeout, pollInterval);
        }
    }
}
