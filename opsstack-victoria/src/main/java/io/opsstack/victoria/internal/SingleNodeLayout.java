package io.opsstack.victoria.internal;

import java.util.Optional;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.UrlLayout;
import io.opsstack.victoria.model.Tenant;

/** Single-node VictoriaMetrics: every API directly under {@code /}. */
public final class SingleNodeLayout implements UrlLayout {
    public static final SingleNodeLayout INSTANCE = new SingleNodeLayout();
    private static final long serialVersionUID = 1L;

    private SingleNodeLayout() {
    }

    @Override
    public String insertPath(String apiSuffix) {
        return "/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public String selectPath(String apiSuffix) {
        return "/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public String deletePath(String apiSuffix) {
        return "/" + ApiSuffixes.check(apiSuffix);
    }

    @Override
    public Optional<Tenant> tenant() {
        return Optional.empty();
    }

    @Override
    public UrlLayout withTenant(Tenant tenant) {
        throw new OpsValidationException("single-node VictoriaMetrics has no tenants; use a cluster layout for tenant " + tenant);
    }

    @Override
    public String describe() {
        return "single-node";
    }

    @Override
    public String toString() {
        return "UrlLayout[single-node]";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
