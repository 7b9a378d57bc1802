package io.opsstack.api.internal.http;

import io.opsstack.api.error.CircuitOpenException;
import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.internal.resilience.EndpointBreakers;
import io.opsstack.api.internal.resilience.RetryRunner;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes requests: picks endpoints round-robin, guards each with its circuit breaker, retries
 * idempotent requests under the retry policy (a retry moves on to the next endpoint), and turns
 * the final outcome into a response or an opsstack exception.
 */
public final class RequestExecutor implements AutoCloseable {
    private final String serviceName;
    private final RetryPolicy retryPolicy;
    private final Endpoints endpoints;
    private final EndpointBreakers breakers;
    private final RetryRunner retries;
    private final CloseableHttpClient client;
    private final ExchangeSender sender;

    /** @param baseHeaders headers for every request, including the {@code Authorization} header if any */
    public RequestExecutor(HttpClientOptions options, Map<String, String> baseHeaders) {
        this.serviceName = options.serviceName();
        this.retryPolicy = options.retryPolicy();
        this.endpoints = new Endpoints(options.endpoints());
        this.breakers = new EndpointBreakers(serviceName, options.circuitBreakerPolicy());
        this.retries = new RetryRunner("opsstack." + serviceName, options.retryObserver().orElse(null));
        this.client = ApacheClients.create(options);
        this.sender = new ExchangeSender(client, ApacheClients.defaultRequestConfig(options.timeouts()), baseHeaders);
    }

    public HttpResponse execute(HttpRequest request) {
        List<URI> order = request.endpoint().map(List::of).orElseGet(endpoints::nextOrder);
        RetryPolicy policy = request.idempotent() ? retryPolicy : RetryPolicy.none();
        String call = request.describe();
        AtomicInteger attempts = new AtomicInteger();
        Attempt last = retries.run(policy, serviceName + " " + call,
                () -> attempt(order, attempts.incrementAndGet(), request, call));
        return finish(last, call, attempts.get());
    }

    /** Tries the endpoint whose turn it is, or the next whose breaker lets the call through. */
    private Attempt attempt(List<URI> order, int attemptNumber, HttpRequest request, String call) {
        if (Thread.currentThread().isInterrupted()) {
            throw OpsCancelledException.interrupted("sending " + call + " to " + serviceName, new InterruptedException());
        }
        for (int i = 0; i < order.size(); i++) {
            URI endpoint = order.get((attemptNumber - 1 + i) % order.size());
            String hostPort = Endpoints.hostPort(endpoint);
            if (breakers.tryAcquire(hostPort)) {
                return send(endpoint, hostPort, request, attemptNumber, call);
            }
        }
        return Attempt.circuitOpen(order.get((attemptNumber - 1) % order.size()));
    }

    private Attempt send(URI endpoint, String hostPort, HttpRequest request, int attemptNumber, String call) {
        long start = System.nanoTime();
        try {
            HttpResponse response = sender.send(endpoint, request, attemptNumber);
            Attempt answered = Attempt.answered(response, request.isAllowed(response.statusCode()));
            breakers.record(hostPort, System.nanoTime() - start, answered.endpointFailure(), answered.cause());
            return answered;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                breakers.release(hostPort);
                InterruptedException interruption = new InterruptedException(e.getMessage());
                interruption.initCause(e);
                throw OpsCancelledException.interrupted("sending " + call + " to " + serviceName, interruption);
            }
            Attempt failed = Attempt.failed(endpoint, TransportFailure.classify(e));
            breakers.record(hostPort, System.nanoTime() - start, failed.endpointFailure(), failed.cause());
            return failed;
        } catch (RuntimeException e) {
            breakers.release(hostPort);
            throw e;
        }
    }

    private HttpResponse finish(Attempt last, String call, int attempts) {
        String endpoint = last.endpoint();
        if (last.isCircuitOpen()) {
            throw new CircuitOpenException(endpoint, null);
        }
        String after = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        TransportFailure failure = last.failure();
        if (failure != null) {
            String message = failure.timeout()
                    ? serviceName + " at " + endpoint + " timed out on " + call + ": " + failure.detail() + after
                    : "cannot reach " + serviceName + " at " + endpoint + " for " + call + ": " + failure.detail() + after;
            throw failure.toException(message, endpoint);
        }
        if (last.expected()) {
            return last.response();
        }
        throw StatusErrors.toException(last.response(), call, serviceName, attempts);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
