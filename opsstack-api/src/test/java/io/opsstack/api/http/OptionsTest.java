package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.resilience.RetryAfter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    @Test
    void defaultsAreBounded() {
        assertEquals(Duration.ofSeconds(5), Timeouts.defaults().connect());
        assertEquals(Duration.ofSeconds(30), Timeouts.defaults().response());
        assertEquals(Duration.ofSeconds(5), Timeouts.defaults().connectionRequest());
        assertEquals(3, RetryPolicy.defaults().maxAttempts());
        assertEquals(Duration.ofMillis(200), RetryPolicy.defaults().initialBackoff());
        assertEquals(Duration.ofSeconds(5), RetryPolicy.defaults().maxBackoff());
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertTrue(TlsOptions.defaults().hostnameVerification());
        assertTrue(CircuitBreakerPolicy.defaults().enabled());
        assertFalse(CircuitBreakerPolicy.disabled().enabled());
    }

    @Test
    void fromMapBuildsTheWholeOptionTree() {
        HttpClientOptions options = HttpClientOptions.fromMap(Map.of(
                "endpoints", "https://os-1:9200/, https://os-2:9200",
                "service_name", "opensearch",
                "max_connections", "4",
                "headers", Map.of("X-Opaque-Id", "ops"),
                "credentials", Map.of("type", "basic", "user", "admin", "password", "pw"),
                "tls", Map.of("hostname_verification", false),
                "timeouts", Map.of("connect", "500ms", "response", "PT1M"),
                "retry", Map.of("max_attempts", 5, "initial_backoff", "100ms", "max_backoff", "2s"),
                "circuit_breaker", Map.of("enabled", "false")));

        assertEquals(List.of(URI.create("https://os-1:9200"), URI.create("https://os-2:9200")), options.endpoints());
        assertEquals("opensearch", options.serviceName());
        assertEquals(4, options.maxConnections());
        assertEquals(Map.of("X-Opaque-Id", "ops"), options.defaultHeaders());
        assertEquals(Credentials.Type.BASIC, options.credentials().type());
        assertFalse(options.tls().hostnameVerification());
        assertEquals(Duration.ofMillis(500), options.timeouts().connect());
        assertEquals(Duration.ofMinutes(1), options.timeouts().response());
        assertEquals(Duration.ofSeconds(5), options.timeouts().connectionRequest());
        assertEquals(RetryPolicy.exponential(5, Duration.ofMillis(100), Duration.ofSeconds(2)), options.retryPolicy());
        assertEquals(CircuitBreakerPolicy.disabled(), options.circuitBreakerPolicy());
    }

    @Test
    void unknownKeysAndBadValuesAreRejected() {
        assertThrows(OpsValidationException.class,
                () -> HttpClientOptions.fromMap(Map.of("endpoints", "http://a:1", "retries", Map.of())));
        assertThrows(OpsValidationException.class, () -> Timeouts.fromMap(Map.of("connect", "soon")));
        assertThrows(OpsValidationException.class, () -> RetryPolicy.fromMap(Map.of("max_attempts", 0)));
        assertThrows(OpsValidationException.class,
                () -> RetryPolicy.exponential(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(OpsValidationException.class, () -> HttpClientOptions.builder().build());
        assertThrows(OpsValidationException.class, () -> HttpClientOptions.builder().endpoints("ftp://a:1").build());
        assertThrows(OpsValidationException.class,
                () -> TlsOptions.builder().insecureTrustAll().caCertificate(Path.of("ca.pem")).build());
    }

    @Test
    void endpointsWithUserInfoAreRefusedWithoutEchoingThePassword() {
        OpsValidationException e = assertThrows(OpsValidationException.class,
                () -> HttpClientOptions.builder().endpoints("https://admin:hunter2@os-1:9200").build());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void requestsDefaultToIdempotentOnlyForSafeMethods() {
        assertTrue(HttpRequest.get("/").build().idempotent());
        assertTrue(HttpRequest.head("/").build().idempotent());
        assertTrue(HttpRequest.builder().method("options").build().idempotent());
        assertFalse(HttpRequest.post("/").build().idempotent());
        assertFalse(HttpRequest.put("/").build().idempotent());
        assertFalse(HttpRequest.delete("/").build().idempotent());
        assertTrue(HttpRequest.put("/").idempotent(true).build().idempotent());
        assertThrows(OpsValidationException.class, () -> HttpRequest.get("/x?y=1"));
    }

    @Test
    void requestToBuilderRoundTrips() {
        HttpRequest request = HttpRequest.put("idx/_settings").query("timeout", "30s").header("X-A", "1")
                .body("{\"a\":1}").idempotent(true).allowStatus(404).timeout(Duration.ofSeconds(3)).build();
        HttpRequest copy = request.toBuilder().build();

        assertEquals("/idx/_settings", copy.path());
        assertEquals(request.toString(), copy.toString());
        assertTrue(copy.isAllowed(404));
        assertFalse(copy.isAllowed(409));
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(10).atOffset(ZoneOffset.UTC));

        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(10)), RetryAfter.parse(inTenSeconds, now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }

    @Test
    void responseHeadersAreCaseInsensitive() {
        HttpResponse response = new HttpResponse(200, Map.of("Content-Type", List.of("application/json")),
                new byte[0], URI.create("http://a:1"), 1);
        assertEquals(Optional.of("application/json"), response.header("content-type"));
        assertEquals(Optional.empty(), response.header("Retry-After"));
    }
}
