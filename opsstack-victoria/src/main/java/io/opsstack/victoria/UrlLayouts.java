package io.opsstack.victoria;

import io.opsstack.victoria.internal.ClusterPathLayout;
import io.opsstack.victoria.internal.SingleNodeLayout;
import io.opsstack.victoria.model.Tenant;

/** The {@link UrlLayout}s of VictoriaMetrics 1.79: single-node and cluster path tenancy. */
public final class UrlLayouts {

    private UrlLayouts() {
    }

    /** {@code /api/v1/...} on the single-node server (and on vmagent's ingestion endpoints). */
    public static UrlLayout singleNode() {
        return SingleNodeLayout.INSTANCE;
    }

    /** Cluster paths for tenant {@code 0:0}. */
    public static UrlLayout cluster() {
        return new ClusterPathLayout(Tenant.defaultTenant());
    }

    public static UrlLayout cluster(Tenant tenant) {
        return new ClusterPathLayout(tenant);
    }

    /** Cluster paths for a tenant written {@code "12"} or {@code "12:34"}. */
    public static UrlLayout cluster(String tenant) {
        return new ClusterPathLayout(Tenant.parse(tenant));
    }
}
