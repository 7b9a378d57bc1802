package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code GET /history}: a timeline switch.
 *
 * @param timeline the timeline that ended
 * @param lsn the WAL position where it ended
 * @param reason PostgreSQL's reason text
 * @param timestamp when, as Patroni recorded it (ISO text), null in old rows
 * @param newLeader the member that became leader, null in old rows
 */
public record HistoryEntry(long timeline, long lsn, String reason, String timestamp, String newLeader)
        implements Serializable {

    public HistoryEntry {
        reason = reason == null ? "" : reason;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timeline", timeline);
        map.put("lsn", lsn);
        map.put("reason", reason);
        map.put("timestamp", timestamp);
        map.put("new_leader", newLeader);
        return map;
    }
}
