package io.opsstack.opensearch.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

/**
 * A snapshot to take: {@code indices} (names or patterns; empty = all) into {@code repository} as {@code snapshot}.
 *
 * @param includeGlobalState whether cluster state (templates, persistent settings) is stored too
 * @param waitTimeout        how long to wait for the snapshot to finish
 * @param pollInterval       how often its state is read while waiting
 */
public record SnapshotRequest(String repository, String snapshot, List<String> indices, boolean includeGlobalState,
                             Duration waitTimeout, Duration pollInterval) implements Serializable {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    public SnapshotRequest {
        RequestChecks.name(repository, "repository");
        RequestChecks.name(snapshot, "snapshot");
        indices = RequestChecks.names(indices, "indices");
        RequestChecks.positive(waitTimeout, "waitTimeout");
        RequestChecks.positive(pollInterval, "pollInterval");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().repository(repository).snapshot(snapshot).indices(indices)
                .includeGlobalState(includeGlobalState).waitTimeout(waitTimeout).pollInterval(pollInterval);
    }

    /** Keys: {@code repository}, {@code snapshot}, {@code indices}, {@code include_global_state}, {@code wait_timeout_seconds}, {@code poll_interval_millis}. */
    public static SnapshotRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return; // the toMap form writes null for "not set"
            }
            switch (key) {
                case "repository" -> builder.repository(String.valueOf(value));
                case "snapshot" -> builder.snapshot(String.valueOf(value));
                case "indices" -> builder.indices(RequestChecks.list(value));
                case "include_global_state" -> builder.includeGlobalState(OptionMaps.bool(map, key));
                case "wait_timeout_seconds" -> builder.waitTimeout(RequestChecks.seconds(map, key, null));
                case "poll_interval_millis" -> builder.pollInterval(RequestChecks.millis(map, key, null));
                default -> throw new OpsValidationException("unknown snapshot option '" + key + "'; known: repository, "
                        + "snapshot, indices, include_global_state, wait_timeout_seconds, poll_interval_millis");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("repository", repository);
        map.put("snapshot", snapshot);
        map.put("indices", new ArrayList<>(indices));
        map.put("include_global_state", includeGlobalState);
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }

    public static final class Builder {
        private String repository;
        private String snapshot;
        private final List<String> indices = new ArrayList<>();
        private boolean includeGlobalState;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder() {
        }

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder snapshot(String snapshot) {
            this.snapshot = snapshot;
            return this;
        }

        public Builder index(String index) {
            indices.add(index);
            return this;
        }

        public Builder indices(List<String> names) {
            indices.addAll(names);
            return this;
        }

        public Builder includeGlobalState(boolean includeGlobalState) {
            this.includeGlobalState = includeGlobalState;
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

        public SnapshotRequest build() {
            return new SnapshotRequest(repository, snapshot, indices, includeGlobalState, waitTimeout, pollInterval);
        }
    }
}
