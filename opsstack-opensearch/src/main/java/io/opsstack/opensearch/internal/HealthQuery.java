package io.opsstack.opensearch.internal;

import io.opsstack.api.http.HttpRequest;
import io.opsstack.opensearch.model.HealthRequest;

/** Turns a {@link HealthRequest} into {@code GET _cluster/health[/<indices>]} with its parameters. */
public final class HealthQuery {

    private HealthQuery() {
    }

    public static HttpRequest.Builder toHttp(HealthRequest r) {
        String path = r.indices().isEmpty() ? "/_cluster/health" : "/_cluster/health/" + RestPaths.indices(r.indices());
        HttpRequest.Builder b = HttpRequest.get(path);
        if (r.waitForStatus() != null) {
            b.query("wait_for_status", r.waitForStatus().apiValue());
        }
        if (r.waitForNoRelocatingShards() != null) {
            b.query("wait_for_no_relocating_shards", r.waitForNoRelocatingShards().toString());
        }
        if (r.waitForNoInitializingShards() != null) {
            b.query("wait_for_no_initializing_shards", r.waitForNoInitializingShards().toString());
        }
        if (r.waitForActiveShards() != null) {
            b.query("wait_for_active_shards", r.waitForActiveShards());
        }
        if (r.waitForNodes() != null) {
            b.query("wait_for_nodes", r.waitForNodes());
        }
        if (r.waitForEvents() != null) {
            b.query("wait_for_events", r.waitForEvents().apiValue());
        }
        if (r.timeout() != null) {
            b.query("timeout", RestPaths.timeValue(r.timeout()));
        }
        if (r.clusterManagerTimeout() != null) {
            b.query("cluster_manager_timeout", RestPaths.timeValue(r.clusterManagerTimeout()));
        }
        if (r.local() != null) {
            b.query("local", r.local().toString());
        }
        if (r.level() != null) {
            b.query("level", r.level().apiValue());
        }
        if (r.awarenessAttribute() != null) {
            b.query("awareness_attribute", r.awarenessAttribute());
        }
        return b;
    }
}
