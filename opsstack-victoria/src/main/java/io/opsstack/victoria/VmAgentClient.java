package io.opsstack.victoria;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.api.metrics.Sample;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.VmAgentQueueStatus;

/**
 * vmagent: config reload and its remote-write backlog. To push samples into vmagent, use a
 * {@link VmInsertClient} with {@link UrlLayouts#singleNode()} on vmagent's address: it serves the
 * same ingestion paths.
 *
 * <p>Thread-safe.
 */
public final class VmAgentClient extends VmComponentClient {

    VmAgentClient(VmCalls calls, boolean ownsTransport) {
        super(ComponentType.VMAGENT, calls, ownsTransport);
    }

    public static VmAgentClient create(HttpClientOptions options) {
        return create(options, AdminAuthKeys.none());
    }

    /** With the {@code -reloadAuthKey} in {@code authKeys}. */
    public static VmAgentClient create(HttpClientOptions options, AdminAuthKeys authKeys) {
        return new VmAgentClient(new VmCalls(Transports.create(options, ComponentType.VMAGENT), authKeys), true);
    }

    /** {@code /-/reload}: re-reads scrape and relabel configs. */
    public void reloadConfig() {
        calls().admin(HttpRequest.get("/-/reload"), AdminAuthKeys.Purpose.RELOAD, false);
    }

    /** Pending and dropped remote-write data, from {@code /metrics}. */
    public VmAgentQueueStatus queueStatus() {
        return queueStatus(metrics());
    }

    /** The same from an already fetched page. */
    public static VmAgentQueueStatus queueStatus(MetricsPage page) {
        Map<String, Double> byUrl = new LinkedHashMap<>();
        for (Sample sample : page.samples("vmagent_remotewrite_pending_data_bytes")) {
            byUrl.merge(sample.labels().getOrDefault("url", ""), sample.value(), Double::sum);
        }
        return new VmAgentQueueStatus(page.sum("vmagent_remotewrite_pending_data_bytes"), byUrl,
                page.sum("vmagent_remotewrite_packets_dropped_total"), page.sum("vm_persistentqueue_bytes_dropped_total"),
                page.sum("vmagent_remotewrite_retries_count_total"));
    }
}
