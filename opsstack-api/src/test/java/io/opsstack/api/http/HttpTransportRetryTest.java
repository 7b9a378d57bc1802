package io.opsstack.api.http;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTransportRetryTest {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final RecordingObserver observer = new RecordingObserver();
    private ScriptedServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = track(ScriptedServer.http());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void getIsRetriedAfter503UntilItSucceeds() {
        server.reply(503).reply(503).reply(200, "{\"ok\":true}");
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofMillis(100)),
                server.uri());

        long start = System.nanoTime();
        HttpResponse response = transport.execute(HttpRequest.get("/_cluster/health").build());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", response.bodyAsString());
        assertEquals(3, response.attempts());
        assertEquals(3, server.received().size());
        assertEquals(2, observer.retries.size());
        assertEquals(1, observer.retries.get(0).attempt());
        assertEquals(2, observer.retries.get(1).attempt());
        for (RecordingObserver.Retry retry : observer.retries) {
            assertEquals("HTTP 503", retry.cause());
            assertEquals(server.uri().toString(), retry.endpoint());
            // jitter 0.5 takes off at most half of the 100 ms backoff
            assertTrue(retry.delay().toMillis() >= 50, "delay " + retry.delay());
        }
        assertTrue(elapsed.toMillis() >= 100, "two backoffs of at least 50 ms each, took " + elapsed);
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        server.reply(429, "{}", "Retry-After", "1").reply(200);
        HttpTransport transport = transport(RetryPolicy.exponential(2, Duration.ofMillis(10), Duration.ofMillis(20)),
                server.uri());

        long start = System.nanoTime();
        HttpResponse response = transport.execute(HttpRequest.get("/").build());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(2, response.attempts());
        assertEquals(Duration.ofSeconds(1), observer.retries.get(0).delay());
        assertEquals("HTTP 429", observer.retries.get(0).cause());
        assertTrue(elapsed.toMillis() >= 950, "waited only " + elapsed);
    }

    @Test
    void retryAfterIsCappedByMaxRetryAfter() {
        server.reply(503, "{}", "Retry-After", "3600").reply(200);
        RetryPolicy policy = RetryPolicy.exponential(2, Duration.ofMillis(10), Duration.ofMillis(20)).toBuilder()
                .maxRetryAfter(Duration.ofMillis(200)).build();

        HttpResponse response = transport(policy, server.uri()).execute(HttpRequest.get("/").build());

        assertEquals(2, response.attempts());
        assertEquals(Duration.ofMillis(200), observer.retries.get(0).delay());
    }

    @Test
    void postAnswered503IsSentExactlyOnce() throws InterruptedException {
        server.reply(503, "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"blocked\"}}");
        HttpTransport transport = transport(RetryPolicy.exponential(5, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());

        OpsServiceException e = assertThrows(OpsServiceException.class,
                () -> transport.execute(HttpRequest.post("/_cluster/reroute").body("{}").build()));

        assertEquals(503, e.statusCode());
        assertTrue(e.isRetryable());
        assertEquals("cluster_block_exception", e.errorType());
        assertEquals("test-service", e.serviceName());
        Thread.sleep(200);
        assertEquals(1, server.received().size());
        assertEquals("POST", server.received().get(0).method());
        assertEquals("{}", server.received().get(0).body());
        assertTrue(observer.retries.isEmpty());
    }

    @Test
    void putIsRetriedOnlyWhenDeclaredIdempotent() {
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());
        server.reply(503);
        assertThrows(OpsServiceException.class,
                () -> transport.execute(HttpRequest.put("/_cluster/settings").body("{\"persistent\":{}}").build()));
        assertEquals(1, server.received().size());

        server.reply(503).reply(200);
        HttpResponse response = transport.execute(
                HttpRequest.put("/_cluster/settings").body("{\"persistent\":{}}").idempotent(true).build());
        assertEquals(2, response.attempts());
        assertEquals(3, server.received().size());
    }

    @Test
    void getFailsOverToTheNextEndpointWhenConnectFails() throws IOException {
        URI dead = deadEndpoint();
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                dead, server.uri());

        HttpResponse response = transport.execute(HttpRequest.get("/").build());

        assertEquals(server.uri(), response.endpoint());
        assertEquals(2, response.attempts());
        assertEquals(1, observer.retries.size());
        assertEquals(dead.toString(), observer.retries.get(0).endpoint());
        assertEquals("connection refused", observer.retries.get(0).cause());
    }

    @Test
    void requestsAreSpreadRoundRobin() throws IOException {
        ScriptedServer other = track(ScriptedServer.http());
        HttpTransport transport = transport(RetryPolicy.none(), server.uri(), other.uri());

        for (int i = 0; i < 4; i++) {
            transport.execute(HttpRequest.get("/").build());
        }

        assertEquals(2, server.received().size());
        assertEquals(2, other.received().size());
    }

    @Test
    void postIsNotFailedOverAfterAConnectError() throws IOException {
        URI dead = deadEndpoint();
        HttpTransport transport = transport(RetryPolicy.defaults(), dead, server.uri());

        OpsConnectException e = assertThrows(OpsConnectException.class,
                () -> transport.execute(HttpRequest.post("/_flush").build()));

        assertEquals(dead.toString(), e.target().orElseThrow());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getCause() instanceof ConnectException, String.valueOf(e.getCause()));
        assertTrue(server.received().isEmpty());
    }

    @Test
    void pinnedEndpointIsUsedAlone() throws IOException {
        URI dead = deadEndpoint();
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri(), dead);

        assertThrows(OpsConnectException.class, () -> transport.execute(HttpRequest.get("/").endpoint(dead).build()));
        assertTrue(server.received().isEmpty());
        assertEquals(2, observer.retries.size());
        observer.retries.forEach(retry -> assertEquals(dead.toString(), retry.endpoint()));

        HttpResponse response = transport.execute(HttpRequest.get("/").endpoint(server.uri()).build());
        assertEquals(server.uri(), response.endpoint());
    }

    @Test
    void unauthorizedIsNeverRetried() {
        server.reply(401, "{\"error\":\"unauthorized\"}");
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());

        OpsAuthException e = assertThrows(OpsAuthException.class, () -> transport.execute(HttpRequest.get("/").build()));

        assertEquals(401, e.statusCode());
        assertEquals(1, server.received().size());
        assertTrue(observer.retries.isEmpty());
    }

    @Test
    void allowedStatusIsReturnedAndNotRetried() {
        server.reply(404, "{\"found\":false}").reply(503, "not the leader");
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());

        HttpResponse missing = transport.execute(HttpRequest.get("/idx/_doc/1").allowStatus(404).build());
        HttpResponse notLeader = transport.execute(HttpRequest.get("/leader").allowStatus(503).build());

        assertEquals(404, missing.statusCode());
        assertEquals("{\"found\":false}", missing.bodyAsString());
        assertEquals(503, notLeader.statusCode());
        assertEquals(1, notLeader.attempts());
        assertEquals(2, server.received().size());
    }

    @Test
    void otherStatusesBecomeServiceExceptionsWithTheErrorType() {
        server.reply(404, "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [logs]\"},\"status\":404}");
        HttpTransport transport = transport(RetryPolicy.defaults(), server.uri());

        OpsServiceException e = assertThrows(OpsServiceException.class,
                () -> transport.execute(HttpRequest.get("/logs/_doc/1").build()));

        assertEquals(404, e.statusCode());
        assertFalse(e.isRetryable());
        assertEquals("index_not_found_exception", e.errorType());
        assertTrue(e.getMessage().contains("no such index [logs]"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /logs/_doc/1"), e.getMessage());
        assertTrue(e.bodyExcerpt().contains("index_not_found_exception"));
        assertEquals(1, server.received().size());
    }

    @Test
    void exhaustedRetriesReportTheLastStatus() {
        server.reply(502).reply(502);
        HttpTransport transport = transport(RetryPolicy.exponential(2, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());

        OpsServiceException e = assertThrows(OpsServiceException.class, () -> transport.execute(HttpRequest.get("/").build()));

        assertEquals(502, e.statusCode());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        assertEquals(2, server.received().size());
    }

    @Test
    void slowResponseTimesOutWithoutRetry() {
        server.replyAfter(Duration.ofSeconds(2), 200, "{}");
        HttpTransport transport = transport(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                server.uri());

        OpsTimeoutException e = assertThrows(OpsTimeoutException.class,
                () -> transport.execute(HttpRequest.get("/slow").timeout(Duration.ofMillis(300)).build()));

        assertEquals(server.uri().toString(), e.target().orElseThrow());
        assertEquals(1, server.received().size());
    }

    @Test
    void queryParametersAreEncodedAndEndpointPrefixKept() {
        HttpTransport transport = transport(RetryPolicy.none(), URI.create(server.uri() + "/prefix/"));

        transport.execute(HttpRequest.get("/_cat/indices").query("h", "index,health").query("q", "a b&c").build());

        ScriptedServer.Received request = server.received().get(0);
        assertEquals("/prefix/_cat/indices", request.path());
        assertEquals("h=index%2Chealth&q=a%20b%26c", request.rawQuery());
    }

    @Test
    void interruptedCallerGetsCancelledAndKeepsTheFlag() {
        HttpTransport transport = transport(RetryPolicy.none(), server.uri());
        Thread.currentThread().interrupt();
        try {
            assertThrows(OpsCancelledException.class, () -> transport.execute(HttpRequest.get("/").build()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertTrue(server.received().isEmpty());
    }

    @Test
    void aFailingObserverDoesNotChangeTheOutcome() {
        server.reply(503).reply(200);
        HttpTransport transport = track(HttpTransport.create(HttpClientOptions.builder()
                .endpoints(server.uri().toString())
                .retryPolicy(RetryPolicy.exponential(2, Duration.ofMillis(1), Duration.ofMillis(1)))
                .retryObserver(new ThrowingObserver())
                .build()));

        assertEquals(2, transport.execute(HttpRequest.get("/").build()).attempts());
    }

    @Test
    void headReturnsHeadersWithoutBody() {
        server.reply(200, "{\"ignored\":true}", "X-Elastic-Product", "OpenSearch");
        HttpResponse response = transport(RetryPolicy.none(), server.uri()).execute(HttpRequest.head("/idx").build());

        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals("OpenSearch", response.header("x-elastic-product").orElseThrow());
        assertEquals("HEAD", server.received().get(0).method());
    }

    private static final class ThrowingObserver implements RetryObserver {
        @Override
        public void onRetry(String endpoint, int attempt, Duration delay, String cause) {
            throw new IllegalStateException("observer bug");
        }
    }

    private HttpTransport transport(RetryPolicy policy, URI... endpoints) {
        return track(HttpTransport.create(HttpClientOptions.builder()
                .endpoints(List.of(endpoints))
                .serviceName("test-service")
                .retryPolicy(policy)
                .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                .retryObserver(observer)
                .build()));
    }

    /** A loopback port nothing listens on. */
    static URI deadEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }
}
