package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One queued cluster-manager task ({@code _cluster/pending_tasks}). */
public record PendingTask(long insertOrder, String priority, String source, long timeInQueueMillis, boolean executing)
        implements Serializable {

    public PendingTask {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("insert_order", insertOrder);
        map.put("priority", priority);
        map.put("source", source);
        map.put("time_in_queue_millis", timeInQueueMillis);
        map.put("executing", executing);
        return map;
    }
}
