package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to move where: indices (names or patterns such as {@code logs-2026.10.*}) to the data nodes
 * whose node attribute {@code attribute} (default {@code temp}) equals {@code tier}.
 *
 * @param waitTimeout how long to wait for every shard copy of one index to start on the tier
 * @param pollInterval how often placement is checked while waiting
 */
public record TierMoveRequest(List<String> indices, String attribute, String tier, Duration waitTimeout,
                              Duration pollInterval) implements Serializable {
    public static final String DEFAULT_ATTRIBUTE = "temp";
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    public TierMoveRequest {
        indices = List.copyOf(Objects.requireNonNull(indices, "indices"));
        if (indices.isEmpty() || indices.stream().anyMatch(String::isBlank)) {
            throw new OpsValidationException("a tier move needs at least one index name or pattern, none blank");
        }
        requireText(attribute, "attribute");
        requireText(tier, "tier");
        requirePositive(waitTimeout, "waitTimeout");
        requirePositive(pollInterval, "pollInterval");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Keys: {@code indices} (list or comma-separated), {@code tier}, {@code attribute}, {@code wait_timeout_seconds}, {@code poll_interval_millis}. */
    public static TierMoveRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue; // the toMap form writes null for "not set"
            }
            switch (entry.getKey()) {
                case "indices" -> builder.indices(value instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value).split(",")));
                case "tier" -> builder.tier(String.valueOf(value));
                case "attribute" -> builder.attribute(String.valueOf(value));
                case "wait_timeout_seconds" -> builder.waitTimeout(RequestChecks.seconds(map, "wait_timeout_seconds", null));
                case "poll_interval_millis" -> builder.pollInterval(RequestChecks.millis(map, "poll_interval_millis", null));
                default -> throw new OpsValidationException("unknown tier move option '" + entry.getKey()
                        + "'; known: indices, tier, attribute, wait_timeout_seconds, poll_interval_millis");
            }
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("indices", indices);
        map.put("attribute", attribute);
        map.put("tier", tier);
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new OpsValidationException("tier move " + name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException("tier move " + name + " must be a positive duration, was " + value);
        }
    }

    public static final class Builder {
        private final List<String> indices = new ArrayList<>();
        private String attribute = DEFAULT_ATTRIBUTE;
        private String tier;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder() {
        }

        public Builder index(String index) {
            indices.add(index.trim());
            return this;
        }

        public Builder indices(List<String> names) {
            names.forEach(this::index);
            return this;
        }

        public Builder attribute(String attribute) {
            this.attribute = attribute;
            return this;
        }

        public Builder tier(String tier) {
            this.tier = tier;
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

        public TierMoveRequest build() {
            return new TierMoveRequest(indices, attribute, tier, waitTimeout, pollInterval);
        }
    }
}
