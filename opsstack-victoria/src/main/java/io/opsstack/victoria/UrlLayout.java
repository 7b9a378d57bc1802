package io.opsstack.victoria;

import java.io.Serializable;
import java.util.Optional;

import io.opsstack.victoria.model.Tenant;

/**
 * Where a component serves the Prometheus-style APIs: single-node at {@code /api/v1/...}, the cluster
 * under tenant paths ({@code /insert/<tenant>/prometheus/...}, {@code /select/<tenant>/prometheus/...},
 * {@code /delete/<tenant>/prometheus/...}). Clients take a layout, so the same client code talks to
 * both. Get one from {@link UrlLayouts}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface UrlLayout extends Serializable {

    /** The path of an ingestion endpoint, e.g. {@code insertPath("api/v1/import")}. */
    String insertPath(String apiSuffix);

    /** The path of a query endpoint, e.g. {@code selectPath("api/v1/query")}. */
    String selectPath(String apiSuffix);

    /** The path of {@code api/v1/admin/tsdb/delete_series}. */
    String deletePath(String apiSuffix);

    /** The tenant of a cluster layout; empty for single-node. */
    Optional<Tenant> tenant();

    /**
     * The same layout for another tenant.
     *
     * @throws io.opsstack.api.error.OpsValidationException for single-node, which has no tenants
     */
    UrlLayout withTenant(Tenant tenant);

    /** A short description ({@code single-node}, {@code cluster tenant 12:34}). */
    String describe();
}
