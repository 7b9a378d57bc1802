package io.opsstack.victoria.internal;

import java.util.Objects;
import java.util.Optional;

import io.opsstack.victoria.UrlLayout;
import io.opsstack.victoria.model.Tenant;

/** Cluster path tenancy of 1.79: {@code /insert/<t>/prometheus/...}, {@code /select/<t>/prometheus/...}, {@code /delete/<t>/prometheus/...}. */
public final class ClusterPathLayout implements UrlLayout {
    private static final long serialVersionUID = 1L;

    private final Tenant tenant;

    public ClusterPathLayout(Tenant tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String insertPath(String apiSuffix) {
        return "/insert/" + tenant.pathSegment() + "/prometheus/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public String selectPath(String apiSuffix) {
        return "/select/" + tenant.pathSegment() + "/prometheus/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public String deletePath(String apiSuffix) {
        return "/delete/" + tenant.pathSegment() + "/prometheus/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public Optional<Tenant> tenant() {
        return Optional.of(tenant);
    }

    @Override
    public UrlLayout withTenant(Tenant other) {
        return new ClusterPathLayout(other);
    }

    @Override
    public String describe() {
        return "cluster tenant " + tenant;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterPathLayout layout && layout.tenant.equals(tenant);
    }

    @Override
    public int hashCode() {
        return tenant.hashCode();
    }

    @Override
    public String toString() {
        return "UrlLayout[" + describe() + "]";
    }
}
