package io.opsstack.victoria;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.model.ComponentType;

/**
 * vmauth, the balancer in front of vminsert/vmselect: reloading its {@code -auth.config} (e.g. after
 * taking a backend out of a {@code url_prefix} list). vmauth 1.79 has no health checks of its
 * backends; a dead backend answers 502 for its share of requests.
 *
 * <p>Thread-safe.
 */
public final class VmAuthClient extends VmComponentClient {

    VmAuthClient(VmCalls calls, boolean ownsTransport) {
        super(ComponentType.VMAUTH, calls, ownsTransport);
    }

    public static VmAuthClient create(HttpClientOptions options) {
        return create(options, AdminAuthKeys.none());
    }

    /** With the {@code -reloadAuthKey} in {@code authKeys}. */
    public static VmAuthClient create(HttpClientOptions options, AdminAuthKeys authKeys) {
        return new VmAuthClient(new VmCalls(Transports.create(options, ComponentType.VMAUTH), authKeys), true);
    }

    /** {@code /-/reload}: re-reads the routing config; an invalid file keeps the old config (see vmauth's log). */
    public void reloadConfig() {
        calls().admin(HttpRequest.get("/-/reload"), AdminAuthKeys.Purpose.RELOAD, false);
    }
}
