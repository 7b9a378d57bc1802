package io.opsstack.api.http;

import io.opsstack.api.error.CircuitOpenException;
import io.opsstack.api.error.OpsServiceException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {
    private static final CircuitBreakerPolicy TRIP_AFTER_TWO = CircuitBreakerPolicy.builder()
            .minimumCalls(2).windowSize(2).failureRateThreshold(50).openDuration(Duration.ofMinutes(1)).build();

    @Test
    void breakerOpensAfterRepeatedFailuresAndThenFailsFast() throws IOException {
        try (ScriptedServer server = ScriptedServer.http();
             HttpTransport transport = transport(server.uri())) {
            server.reply(500).reply(500);
            HttpRequest request = HttpRequest.get("/_nodes").build();

            assertThrows(OpsServiceException.class, () -> transport.execute(request));
            assertThrows(OpsServiceException.class, () -> transport.execute(request));
            CircuitOpenException open = assertThrows(CircuitOpenException.class, () -> transport.execute(request));

            assertEquals(server.uri().toString(), open.target().orElseThrow());
            assertTrue(open.getMessage().contains(server.uri().toString()), open.getMessage());
            assertEquals(2, server.received().size(), "no network call once the breaker is open");
        }
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() throws IOException {
        try (ScriptedServer server = ScriptedServer.http();
             HttpTransport transport = transport(server.uri())) {
            for (int i = 0; i < 4; i++) {
                server.reply(404);
                assertThrows(OpsServiceException.class, () -> transport.execute(HttpRequest.get("/missing").build()));
            }
            assertEquals(200, transport.execute(HttpRequest.get("/").build()).statusCode());
            assertEquals(5, server.received().size());
        }
    }

    @Test
    void anOpenEndpointIsSkippedWhileAnotherIsHealthy() throws IOException {
        try (ScriptedServer failing = ScriptedServer.http();
             ScriptedServer healthy = ScriptedServer.http();
             HttpTransport transport = transport(failing.uri(), healthy.uri())) {
            failing.reply(500).reply(500);
            HttpRequest pinned = HttpRequest.get("/").endpoint(failing.uri()).build();
            assertThrows(OpsServiceException.class, () -> transport.execute(pinned));
            assertThrows(OpsServiceException.class, () -> transport.execute(pinned));

            for (int i = 0; i < 3; i++) {
                assertEquals(healthy.uri(), transport.execute(HttpRequest.get("/").build()).endpoint());
            }
            assertEquals(2, failing.received().size());
        }
    }

    private static HttpTransport transport(URI... endpoints) {
        return HttpTransport.create(HttpClientOptions.builder()
                .endpoints(List.of(endpoints))
                .serviceName("opensearch")
                .retryPolicy(RetryPolicy.none())
                .circuitBreakerPolicy(TRIP_AFTER_TWO)
                .build());
    }
}
