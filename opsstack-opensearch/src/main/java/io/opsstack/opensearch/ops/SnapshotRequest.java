package io.opsstack.opensearch.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return builder().fill(map, "snapshot", "include_global_state").build();
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

    public static final class Builder extends SnapshotScopeBuilder<Builder> {
        private boolean includeGlobalState;

        private Builder() {
            super(DEFAULT_WAIT_TIMEOUT, DEFAULT_POLL_INTERVAL);
        }

        public Builder includeGlobalState(boolean includeGlobalState) {
            this.includeGlobalState = includeGlobalState;
            return this;
        }

        @Override
        boolean setOwn(String key, Object value, Map<String, ?> map) {
            if (!"include_global_state".equals(key)) {
                return false;
            }
            includeGlobalState(OptionMaps.bool(map, key));
            return true;
        }

        @Override
        Builder self() {
            return this;
        }

        public SnapshotRequest build() {
            return new SnapshotRequest(repository, snapshot, indices, includeGlobalState, waitTimeout, pollInterval);
        }
    }
}
