package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One index from {@code _cat/indices}.
 *
 * @param health null for a closed index
 * @param docs document count, null when unknown (closed index)
 * @param storeBytes total store size in bytes, null when unknown
 * @param creationDate null when not reported
 */
public record IndexRow(
        String index,
        String uuid,
        HealthStatus health,
        String status,
        Long docs,
        Long storeBytes,
        Instant creationDate,
        int primaries,
        int replicas) implements Serializable {

    public IndexRow {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(status, "status");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("uuid", uuid);
        m.put("health", health == null ? null : health.apiValue());
        m.put("status", status);
        m.put("docs", docs);
        m.put("store_bytes", storeBytes);
        m.put("creation_date", creationDate == null ? null : creationDate.toString());
        m.put("pri", primaries);
        m.put("rep", replicas);
        return m;
    }
}
