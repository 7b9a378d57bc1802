package io.opsstack.opensearch.model.snapshot;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One snapshot.
 *
 * @param repository       repository holding it
 * @param snapshot         snapshot name
 * @param state            its state
 * @param indices          indices it contains
 * @param totalShards      shards it covers
 * @param successfulShards shards stored successfully
 * @param failedShards     shards that failed
 * @param startTime        when it started; null when not reported
 * @param endTime          when it finished; null while in progress
 * @param failures         failure reasons the server reported (bounded excerpts)
 */
public record SnapshotInfo(String repository, String snapshot, SnapshotState state, List<String> indices,
                           int totalShards, int successfulShards, int failedShards, Instant startTime,
                           Instant endTime, List<String> failures) implements Serializable {

    public SnapshotInfo {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(state, "state");
        indices = List.copyOf(Objects.requireNonNull(indices, "indices"));
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        if (totalShards < 0 || successfulShards < 0 || failedShards < 0) {
            throw new IllegalArgumentException("shard counts must not be negative");
        }
    }

    /** True when the snapshot finished with every shard stored. */
    public boolean successful() {
        return state == SnapshotState.SUCCESS && failedShards == 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("repository", repository);
        map.put("snapshot", snapshot);
        map.put("state", state.name());
        map.put("indices", new ArrayList<>(indices));
        map.put("total_shards", totalShards);
        map.put("successful_shards", successfulShards);
        map.put("failed_shards", failedShards);
        map.put("start_time", startTime == null ? null : startTime.toString());
        map.put("end_time", endTime == null ? null : endTime.toString());
        map.put("failures", new ArrayList<>(failures));
        return map;
    }
}
