package io.opsstack.opensearch.lab.reliability.faults;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.fault.ProxiedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Clients pointed at a fault proxy, and the proxy's record read in the terms the tests assert. */
final class FaultsLab {
    /** Short backoffs keep the retries quick; a server's Retry-After still wins. */
    static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder().maxAttempts(5)
            .initialBackoff(Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(200)).build();

    private FaultsLab() {
    }

    /** A facade whose only endpoint is the proxy; breakers off unless the test is about them. */
    static OpenSearchOps throughProxy(FaultProxy proxy, RetryPolicy retry, CircuitBreakerPolicy breaker, Timeouts timeouts) {
        return OpenSearchOps.builder().endpoints(proxy.uri().toString()).retryPolicy(retry)
                .circuitBreakerPolicy(breaker).timeouts(timeouts).build();
    }

    static OpenSearchOps throughProxy(FaultProxy proxy, RetryPolicy retry) {
        return throughProxy(proxy, retry, CircuitBreakerPolicy.disabled(), Timeouts.defaults());
    }

    /** Requests the proxy saw with this method and path, forwarded or not: the client's attempts. */
    static long attempts(FaultProxy proxy, String method, String path) {
        return proxy.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** Real (not dry-run) {@code _cluster/reroute} calls the client sent, answered by the proxy or forwarded. */
    static List<ProxiedRequest> realReroutes(FaultProxy proxy) {
        return proxy.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/_cluster/reroute"))
                .filter(r -> r.query().contains("dry_run=false")).toList();
    }

    /** How many of {@link #realReroutes} reached the server. */
    static long executedReroutes(FaultProxy proxy) {
        return realReroutes(proxy).stream().filter(ProxiedRequest::forwarded).count();
    }

    /** The step an apply failure names: its own step id, or the step note the engine attached to it. */
    static String failedStep(OpsException failure) {
        return failure.stepId().orElseGet(() -> Arrays.stream(failure.getSuppressed())
                .filter(OpsException.class::isInstance).map(OpsException.class::cast)
                .flatMap(note -> note.stepId().stream()).findFirst().orElse(null));
    }
}
