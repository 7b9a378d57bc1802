package io.opsstack.opensearch.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * What the builders of {@link SnapshotRequest} and {@link RestoreRequest} share: the repository, the snapshot, the
 * indices and how long to wait. Callers reach these methods through the requests' own public builders.
 *
 * @param <B> the request's builder
 */
abstract class SnapshotScopeBuilder<B extends SnapshotScopeBuilder<B>> {
    String repository;
    String snapshot;
    final List<String> indices = new ArrayList<>();
    Duration waitTimeout;
    Duration pollInterval;

    SnapshotScopeBuilder(Duration waitTimeout, Duration pollInterval) {
        this.waitTimeout = waitTimeout;
        this.pollInterval = pollInterval;
    }

    public B repository(String repository) {
        this.repository = repository;
        return self();
    }

    public B snapshot(String snapshot) {
        this.snapshot = snapshot;
        return self();
    }

    public B index(String index) {
        indices.add(index);
        return self();
    }

    public B indices(List<String> names) {
        indices.addAll(names);
        return self();
    }

    public B waitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
        return self();
    }

    public B pollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return self();
    }

    /**
     * Fills this builder from a request's map form: the shared keys ({@code repository}, {@code snapshot},
     * {@code indices}, {@code wait_timeout_seconds}, {@code poll_interval_millis}), then the request's own through
     * {@link #setOwn}. A null value means "not set", as the {@code toMap} forms write it; an unknown key is refused.
     */
    B fill(Map<String, ?> map, String request, String ownKeys) {
        map.forEach((key, value) -> {
            if (value != null && !setShared(key, value, map) && !setOwn(key, value, map)) {
                throw new OpsValidationException("unknown " + request + " option '" + key + "'; known: repository, "
                        + "snapshot, indices, " + ownKeys + ", wait_timeout_seconds, poll_interval_millis");
            }
        });
        return self();
    }

    /** Sets one of the request's own keys of its map form; false for a key it does not know. */
    abstract boolean setOwn(String key, Object value, Map<String, ?> map);

    private boolean setShared(String key, Object value, Map<String, ?> map) {
        switch (key) {
            case "repository" -> repository(String.valueOf(value));
            case "snapshot" -> snapshot(String.valueOf(value));
            case "indices" -> indices(RequestChecks.list(value));
            case "wait_timeout_seconds" -> waitTimeout(RequestChecks.seconds(map, key, null));
            case "poll_interval_millis" -> pollInterval(RequestChecks.millis(map, key, null));
            default -> {
                return false;
            }
        }
        return true;
    }

    abstract B self();
}
