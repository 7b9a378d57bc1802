package io.opsstack.patroni.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code xlog} section of {@code /patroni}: a primary reports {@code location}, a replica
 * {@code received_location}, {@code replayed_location}, {@code replayed_timestamp} and
 * {@code paused}. Absent values are null.
 *
 * @param location the primary's current WAL position in bytes
 * @param receivedLocation the replica's received WAL position
 * @param replayedLocation the replica's replayed WAL position
 * @param replayedTimestamp commit time of the last replayed transaction
 * @param replayPaused whether WAL replay is paused
 */
public record WalPositions(Long location, Long receivedLocation, Long replayedLocation, Instant replayedTimestamp,
                           Boolean replayPaused) implements Serializable {

    public static final WalPositions NONE = new WalPositions(null, null, null, null, null);

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("location", location);
        map.put("received_location", receivedLocation);
        map.put("replayed_location", replayedLocation);
        map.put("replayed_timestamp", replayedTimestamp == null ? null : replayedTimestamp.toString());
        map.put("replay_paused", replayPaused);
        return map;
    }
}
