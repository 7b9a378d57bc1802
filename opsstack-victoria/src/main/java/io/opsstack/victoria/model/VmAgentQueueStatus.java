package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * vmagent's remote-write backlog and losses, read from its {@code /metrics}. Counters count since the
 * process started.
 *
 * @param pendingBytes                 {@code vmagent_remotewrite_pending_data_bytes} summed over URLs
 * @param pendingBytesByUrl            the same per {@code url} label (URLs are shown as {@code 1:secret-url} unless
 *                                     vmagent runs with {@code -remoteWrite.showURL})
 * @param packetsDropped               {@code vmagent_remotewrite_packets_dropped_total}
 * @param persistentQueueBytesDropped  {@code vm_persistentqueue_bytes_dropped_total}
 * @param retries                      {@code vmagent_remotewrite_retries_count_total}
 */
public record VmAgentQueueStatus(double pendingBytes, Map<String, Double> pendingBytesByUrl, double packetsDropped,
                                 double persistentQueueBytesDropped, double retries) implements Serializable {

    public VmAgentQueueStatus {
        pendingBytesByUrl = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(pendingBytesByUrl,
                "pendingBytesByUrl")));
    }

    /** True when the agent has dropped data since it started. */
    public boolean droppedData() {
        return packetsDropped > 0 || persistentQueueBytesDropped > 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pending_bytes", pendingBytes);
        map.put("pending_bytes_by_url", new LinkedHashMap<>(pendingBytesByUrl));
        map.put("packets_dropped", packetsDropped);
        map.put("persistent_queue_bytes_dropped", persistentQueueBytesDropped);
        map.put("retries", retries);
        return map;
    }
}
