package io.opsstack.patroni.reliability.faults;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.fault.FaultSpec;
import io.opsstack.testkit.patroni.PatroniLab;

/**
 * One fault proxy in front of each member's REST API. Each proxy rewrites every member's advertised
 * {@code api_url} to that member's proxy, so calls the SDK pins to a member (the switchover goes to
 * the leader) stay behind the proxies too.
 */
final class PatroniProxies implements AutoCloseable {
    private final PatroniLab lab;
    private final List<FaultProxy> proxies = new ArrayList<>();

    PatroniProxies(PatroniLab lab) {
        this.lab = lab;
        try {
            for (URI endpoint : lab.restEndpoints()) {
                proxies.add(FaultProxy.forward(endpoint));
            }
            List<URI> endpoints = lab.restEndpoints();
            for (FaultProxy proxy : proxies) {
                for (int i = 0; i < endpoints.size(); i++) {
                    // with the path's slash, so that port 8008 never matches inside port 80080
                    proxy.rewriteResponses(endpoints.get(i).getAuthority() + "/", proxies.get(i).uri().getAuthority() + "/");
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A client of the cluster through the proxies, with the lab's credentials and quick retries. */
    PatroniOps ops() {
        return ops(proxies);
    }

    /** The same client with the first member's proxy as its only endpoint, so every attempt goes there. */
    PatroniOps firstMemberOps() {
        return ops(proxies.subList(0, 1));
    }

    private PatroniOps ops(List<FaultProxy> through) {
        return PatroniOps.builder().endpoints(through.stream().map(FaultProxy::uri).toList())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow()))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(50))
                        .maxBackoff(Duration.ofMillis(200)).build())
                .circuitBreakerPolicy(CircuitBreakerPolicy.defaults())
                .build();
    }

    /** Arms {@code fault} for the next matching request on the first member. */
    void failNextOnFirstMember(FaultSpec fault) {
        proxies.get(0).failNext(1, fault);
    }

    /** Arms {@code fault} for the next request on every member, whichever one the client picks. */
    void failNextOnEveryMember(FaultSpec fault) {
        proxies.forEach(proxy -> proxy.failNext(1, fault));
    }

    void clear() {
        proxies.forEach(FaultProxy::clear);
    }

    /** Requests with this method and path the client sent to any member (forwarded or not). */
    long attempts(String method, String path) {
        return proxies.stream().flatMap(proxy -> proxy.requests().stream())
                .filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** Requests with this method and path that reached a member. */
    int forwarded(String method, String path) {
        return proxies.stream().mapToInt(proxy -> proxy.forwardedCount(method, path)).sum();
    }

    String requests() {
        StringBuilder out = new StringBuilder();
        proxies.forEach(proxy -> out.append(proxy).append(' ').append(proxy.requests()).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        proxies.forEach(FaultProxy::close);
    }
}
