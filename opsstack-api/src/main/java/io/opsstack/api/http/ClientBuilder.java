package io.opsstack.api.http;

import java.net.URI;
import java.util.List;

/**
 * The connection settings every system facade's builder shares ({@code OpenSearchOps.builder()},
 * {@code PatroniOps.builder()}, …): endpoints, credentials, TLS, timeouts, retry and circuit-breaker
 * policies, a retry observer. A facade's builder extends it and adds {@code build()}. Not thread-safe.
 *
 * @param <B> the facade's builder type, returned by every setter for chaining
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    private final HttpClientOptions.Builder http;

    protected ClientBuilder(String serviceName) {
        this.http = HttpClientOptions.builder().serviceName(serviceName);
    }

    /** Base URIs of the system's nodes or members, e.g. {@code "https://os-1:9200"}. */
    public B endpoints(String... endpoints) {
        http.endpoints(endpoints);
        return self();
    }

    public B endpoints(List<URI> endpoints) {
        http.endpoints(endpoints);
        return self();
    }

    public B credentials(Credentials credentials) {
        http.credentials(credentials);
        return self();
    }

    public B tls(TlsOptions tls) {
        http.tls(tls);
        return self();
    }

    public B timeouts(Timeouts timeouts) {
        http.timeouts(timeouts);
        return self();
    }

    /** Applies to idempotent requests only; see {@link RetryPolicy}. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        http.retryPolicy(retryPolicy);
        return self();
    }

    public B circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
        http.circuitBreakerPolicy(circuitBreakerPolicy);
        return self();
    }

    /** Told of every retried attempt (for logs, metrics or a progress display); none by default. */
    public B retryObserver(RetryObserver retryObserver) {
        http.retryObserver(retryObserver);
        return self();
    }

    /** The options collected so far. */
    protected HttpClientOptions httpOptions() {
        return http.build();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
