package io.opsstack.api.internal.http;

import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.internal.resilience.AttemptOutcome;
import io.opsstack.api.internal.resilience.RetryAfter;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one attempt: a response (of any status) or a transport failure, or a refusal by
 * the endpoint's open circuit breaker.
 */
final class Attempt implements AttemptOutcome {
    /** Statuses that say "try again later" rather than "this request is wrong". */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final URI endpoint;
    private final HttpResponse response;
    private final TransportFailure failure;
    private final boolean expected;
    private final boolean circuitOpen;

    private Attempt(URI endpoint, HttpResponse response, boolean expected, TransportFailure failure, boolean circuitOpen) {
        this.endpoint = endpoint;
        this.response = response;
        this.expected = expected;
        this.failure = failure;
        this.circuitOpen = circuitOpen;
    }

    /** @param expected whether the request accepts this status (2xx or allowed), which makes it final and healthy */
    static Attempt answered(HttpResponse response, boolean expected) {
        return new Attempt(response.endpoint(), response, expected, null, false);
    }

    static Attempt failed(URI endpoint, TransportFailure failure) {
        return new Attempt(endpoint, null, false, failure, false);
    }

    static Attempt circuitOpen(URI endpoint) {
        return new Attempt(endpoint, null, false, null, true);
    }

    URI endpointUri() {
        return endpoint;
    }

    /** The response, or null when the attempt failed before one arrived. */
    HttpResponse response() {
        return response;
    }

    /** The transport failure, or null. */
    TransportFailure failure() {
        return failure;
    }

    boolean isCircuitOpen() {
        return circuitOpen;
    }

    /** Whether the request accepts the response's status. */
    boolean expected() {
        return expected;
    }

    /** Whether the endpoint itself misbehaved (non-TLS transport failure or unexpected 5xx), as its circuit breaker counts it. */
    boolean endpointFailure() {
        return failure != null ? !failure.tls() : response != null && !expected && response.statusCode() >= 500;
    }

    @Override
    public boolean retryable() {
        if (response != null) {
            return !expected && RETRYABLE_STATUSES.contains(response.statusCode());
        }
        return failure != null && failure.retryable();
    }

    @Override
    public Optional<Duration> retryAfter() {
        return response == null ? Optional.empty()
                : response.header("Retry-After").flatMap(value -> RetryAfter.parse(value, Instant.now()));
    }

    @Override
    public String endpoint() {
        return endpoint.toString();
    }

    @Override
    public String cause() {
        if (response != null) {
            return "HTTP " + response.statusCode();
        }
        return failure != null ? failure.cause() : "circuit breaker open";
    }
}
