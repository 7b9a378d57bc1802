package io.opsstack.testkit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.CircuitOpenException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.HttpTransport;
import io.opsstack.api.http.RetryObserver;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The proxy against a real local HTTP server, driven by the opsstack transport and the JDK client. */
@Timeout(60)
class FaultProxyTest {
    private static final Duration QUICK = Duration.ofMillis(10);

    private CountingServer server;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new CountingServer();
        proxy = FaultProxy.forward(server.uri());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void forwardsEveryRequestOfAKeptAliveConnectionAndCountsThem() {
        try (HttpTransport transport = transport(RetryPolicy.none(), CircuitBreakerPolicy.disabled(), null)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("ok /data", transport.execute(HttpRequest.get("/data").build()).bodyAsString());
            }
            transport.execute(HttpRequest.post("/action").body("{\"n\":1}").build());
        }
        assertEquals(3, proxy.forwardedCount("GET", "/data"));
        assertEquals(1, proxy.forwardedCount("POST", "/action"));
        assertEquals(1, server.executed("POST", "/action"));
        assertEquals(1, proxy.requests().stream().map(ProxiedRequest::connection).distinct().count(),
                "one pooled connection carried every request: " + proxy.requests());
        assertEquals(0, proxy.injectedCount());
    }

    @Test
    void chunkedBodiesKeepTheirFramingSoTheConnectionStaysUsable() throws Exception {
        String payload = "x".repeat(70_000);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(proxy.uri().resolve("/echo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8))))
                .build();
        for (int i = 0; i < 2; i++) {
            assertEquals(payload, client.send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        }
        assertEquals(2, server.executed("POST", "/echo"));
        assertEquals(1, proxy.requests().stream().map(ProxiedRequest::connection).distinct().count(), proxy.requests().toString());
    }

    @Test
    void syntheticThrottlingAndGatewayErrorsAreRetriedForReadsHonouringRetryAfter() {
        proxy.failNext(1, FaultSpec.tooManyRequests(Duration.ofSeconds(1)).matching("GET", "/data"));
        proxy.failNext(1, FaultSpec.badGateway().matching("GET", "/data"));
        proxy.failNext(1, FaultSpec.serviceUnavailable().matching("GET", "/data"));
        List<String> retries = new ArrayList<>();
        RecordingObserver observer = new RecordingObserver(retries);
        try (HttpTransport transport = transport(retries(4), CircuitBreakerPolicy.disabled(), observer)) {
            HttpResponse response = transport.execute(HttpRequest.get("/data").build());
            assertEquals(200, response.statusCode());
            assertEquals(4, response.attempts());
        }
        assertEquals(List.of("HTTP 429", "HTTP 502", "HTTP 503"), retries);
        assertTrue(observer.firstDelay.compareTo(Duration.ofSeconds(1)) >= 0, "Retry-After honoured: " + observer.firstDelay);
        assertEquals(1, server.executed("GET", "/data"));
        assertEquals(List.of(429, 502, 503, 200), proxy.requests().stream().map(ProxiedRequest::status).toList());
    }

    @Test
    void resetsBeforeTheServerSawTheRequestAreRetriedForReads() {
        proxy.failNext(1, FaultSpec.resetOnConnect());
        proxy.failNext(1, FaultSpec.resetBeforeForward().matching("GET", "/data"));
        try (HttpTransport transport = transport(retries(3), CircuitBreakerPolicy.disabled(), null)) {
            assertEquals(3, transport.execute(HttpRequest.get("/data").build()).attempts());
        }
        assertEquals(1, server.executed("GET", "/data"));
        assertEquals(List.of(FaultKind.RESET_ON_CONNECT, FaultKind.RESET_BEFORE_FORWARD),
                proxy.requests().stream().map(ProxiedRequest::fault).filter(f -> f != null).toList());
    }

    @Test
    void aPostMetByAResetAfterForwardingIsNotRetriedAndRanOnce() {
        proxy.failNext(1, FaultSpec.resetAfterForward().matching("POST", "/action"));
        try (HttpTransport transport = transport(retries(5), CircuitBreakerPolicy.disabled(), null)) {
            OpsConnectException e = assertThrows(OpsConnectException.class,
                    () -> transport.execute(HttpRequest.post("/action").body("{}").build()));
            assertTrue(e.getMessage().contains("POST /action"), e.getMessage());
        }
        assertEquals(1, server.executed("POST", "/action"), "the server executed it");
        assertEquals(1, proxy.forwardedCount("POST", "/action"));
        assertEquals(1, proxy.requests().size(), "no second attempt: " + proxy.requests());
    }

    @Test
    void aPostMetByA503IsNotRetried() {
        proxy.failNext(3, FaultSpec.serviceUnavailable().matching("POST", "/action"));
        try (HttpTransport transport = transport(retries(5), CircuitBreakerPolicy.disabled(), null)) {
            OpsServiceException e = assertThrows(OpsServiceException.class,
                    () -> transport.execute(HttpRequest.post("/action").body("{}").build()));
            assertEquals(503, e.statusCode());
        }
        assertEquals(0, server.executed("POST", "/action"));
        assertEquals(1, proxy.requests().size(), proxy.requests().toString());
    }

    @Test
    void faultsApplyOnlyToMatchingRequestsAndClearRemovesThem() {
        proxy.failAlways(FaultSpec.serviceUnavailable().matching("POST", "/act"));
        try (HttpTransport transport = transport(RetryPolicy.none(), CircuitBreakerPolicy.disabled(), null)) {
            assertEquals(200, transport.execute(HttpRequest.get("/action").build()).statusCode());
            assertThrows(OpsServiceException.class, () -> transport.execute(HttpRequest.post("/action").body("{}").build()));
            assertThrows(OpsServiceException.class, () -> transport.execute(HttpRequest.post("/actor").body("{}").build()));
            proxy.clear();
            assertEquals(200, transport.execute(HttpRequest.post("/action").body("{}").build()).statusCode());
        }
        assertEquals(2, proxy.injectedCount());
    }

    @Test
    void aStalledAnswerEndsInATimeoutWithoutARetry() {
        proxy.failNext(1, FaultSpec.stall());
        try (HttpTransport transport = HttpTransport.create(options(retries(3), CircuitBreakerPolicy.disabled(), null)
                .timeouts(Timeouts.builder().response(Duration.ofMillis(500)).build()).build())) {
            assertThrows(OpsTimeoutException.class, () -> transport.execute(HttpRequest.get("/data").build()));
        }
        assertEquals(0, server.executed("GET", "/data"));
        assertEquals(1, proxy.requests().size(), "a response timeout is not retried: " + proxy.requests());
    }

    @Test
    void latencyDelaysButForwards() {
        proxy.failNext(1, FaultSpec.latency(Duration.ofMillis(300)));
        try (HttpTransport transport = transport(RetryPolicy.none(), CircuitBreakerPolicy.disabled(), null)) {
            long start = System.nanoTime();
            assertEquals(200, transport.execute(HttpRequest.get("/data").build()).statusCode());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "the answer waited for the latency");
        }
        assertEquals(1, server.executed("GET", "/data"));
    }

    @Test
    void theCircuitBreakerOpensOnAFailingEndpointAndNamesIt() {
        proxy.failAlways(FaultSpec.serviceUnavailable());
        CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder().minimumCalls(3).windowSize(3).build();
        try (HttpTransport transport = transport(RetryPolicy.none(), breaker, null)) {
            for (int i = 0; i < 3; i++) {
                assertThrows(OpsServiceException.class, () -> transport.execute(HttpRequest.get("/data").build()));
            }
            CircuitOpenException open = assertThrows(CircuitOpenException.class,
                    () -> transport.execute(HttpRequest.get("/data").build()));
            assertTrue(open.getMessage().contains("127.0.0.1:" + proxy.port()), open.getMessage());
        }
        assertEquals(3, proxy.requests().size(), "an open breaker sends nothing: " + proxy.requests());
    }

    @Test
    void responseRewritesReplaceTextAndKeepTheLengthRight() {
        proxy.rewriteResponses("hello", "goodbye, world");
        try (HttpTransport transport = transport(RetryPolicy.none(), CircuitBreakerPolicy.disabled(), null)) {
            assertEquals("say goodbye, world", transport.execute(HttpRequest.get("/text").query("body", "say hello")
                    .build()).bodyAsString());
            assertEquals("ok /next", transport.execute(HttpRequest.get("/next").build()).bodyAsString());
        }
    }

    @Test
    void closeEndsStalledConnectionsAndStopsEveryThread() throws Exception {
        proxy.failAlways(FaultSpec.stall());
        Thread caller = new Thread(() -> {
            try (HttpTransport transport = transport(RetryPolicy.none(), CircuitBreakerPolicy.disabled(), null)) {
                transport.execute(HttpRequest.get("/data").build());
            } catch (RuntimeException expected) {
                // the proxy closed the connection
            }
        });
        caller.start();
        while (proxy.requests().isEmpty()) {
            Thread.sleep(20);
        }
        String prefix = "fault-proxy-" + proxy.port() + "-";
        proxy.close();
        caller.join(30_000);
        assertFalse(caller.isAlive(), "the stalled call ended when the proxy closed");
        Set<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
        assertEquals(Set.of(), left);
    }

    @Test
    void specsRejectMeaninglessCombinations() {
        assertThrows(OpsValidationException.class, () -> FaultSpec.resetOnConnect().matching("GET", "/"));
        assertThrows(OpsValidationException.class, () -> FaultSpec.status(99));
        assertThrows(OpsValidationException.class, () -> FaultSpec.latency(Duration.ofSeconds(-1)));
        assertThrows(OpsValidationException.class, () -> FaultSpec.stall().matching("GET", "no-slash"));
        assertThrows(OpsValidationException.class, () -> proxy.failNext(0, FaultSpec.stall()));
        FaultSpec spec = FaultSpec.tooManyRequests(Duration.ofMillis(1500)).matching("post", "/x");
        assertEquals("POST", spec.method());
        assertTrue(spec.matches("POST", "/x/y"));
        assertFalse(spec.matches("GET", "/x"));
        assertEquals("PT1.5S", spec.toMap().get("retry_after"));
        assertNull(spec.latency());
        assertInstanceOf(java.io.Serializable.class, spec);
    }

    private HttpTransport transport(RetryPolicy retry, CircuitBreakerPolicy breaker, RetryObserver observer) {
        return HttpTransport.create(options(retry, breaker, observer).build());
    }

    private HttpClientOptions.Builder options(RetryPolicy retry, CircuitBreakerPolicy breaker, RetryObserver observer) {
        HttpClientOptions.Builder b = HttpClientOptions.builder().endpoints(proxy.uri().toString()).serviceName("target")
                .retryPolicy(retry).circuitBreakerPolicy(breaker);
        if (observer != null) {
            b.retryObserver(observer);
        }
        return b;
    }

    private static RetryPolicy retries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).initialBackoff(QUICK).maxBackoff(QUICK).build();
    }

    /** Keeps the cause of every retry and the first wait. */
    private static final class RecordingObserver implements RetryObserver {
        private final List<String> causes;
        private Duration firstDelay;

        RecordingObserver(List<String> causes) {
            this.causes = causes;
        }

        @Override
        public void onRetry(String endpoint, int attempt, Duration delay, String cause) {
            causes.add(cause);
            if (firstDelay == null) {
                firstDelay = delay;
            }
        }
    }
}
