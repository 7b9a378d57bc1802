package io.opsstack.api.http;

import io.opsstack.api.internal.http.RequestExecutor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP client every opsstack module uses to talk to one service (an OpenSearch cluster, a
 * Patroni member set, VictoriaMetrics components): pooled connections, TLS, credentials sent on
 * every request, round-robin over the endpoints, retries of idempotent requests only, and a
 * circuit breaker per endpoint.
 *
 * <p>{@link #execute(HttpRequest)} returns the response for 2xx and allowed statuses and otherwise
 * throws: {@link io.opsstack.api.error.OpsConnectException} (could not connect, TLS refused),
 * {@link io.opsstack.api.error.OpsTimeoutException} (no answer in time),
 * {@link io.opsstack.api.error.OpsAuthException} (401/403, never retried),
 * {@link io.opsstack.api.error.OpsServiceException} (any other status),
 * {@link io.opsstack.api.error.CircuitOpenException} (breaker open, nothing sent) and
 * {@link io.opsstack.api.error.OpsCancelledException} (interrupted).
 *
 * <p>Thread-safe and meant to be shared: create one per service and close it when done.
 */
public final class HttpTransport implements AutoCloseable {
    private final HttpClientOptions options;
    private final RequestExecutor executor;
    private volatile boolean closed;

    private HttpTransport(HttpClientOptions options) {
        this.options = options;
        this.executor = new RequestExecutor(options, baseHeaders(options));
    }

    public static HttpTransport create(HttpClientOptions options) {
        return new HttpTransport(Objects.requireNonNull(options, "options"));
    }

    /** Sends the request, retrying as allowed; see the class description for the exceptions. */
    public HttpResponse execute(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("this " + options.serviceName() + " transport is closed");
        }
        return executor.execute(request);
    }

    public List<URI> endpoints() {
        return options.endpoints();
    }

    public HttpClientOptions options() {
        return options;
    }

    /** Closes pooled connections; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            executor.close();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + options.serviceName() + " " + options.endpoints() + (closed ? ", closed" : "") + "]";
    }

    private static Map<String, String> baseHeaders(HttpClientOptions options) {
        Map<String, String> headers = new LinkedHashMap<>(options.defaultHeaders());
        options.credentials().authorizationHeader().ifPresent(value -> {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
            headers.put("Authorization", value);
        });
        return headers;
    }
}
