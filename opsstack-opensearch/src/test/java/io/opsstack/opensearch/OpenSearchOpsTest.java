package io.opsstack.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.secret.Secret;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Configuration and retry behaviour; a scripted server injects the transient failures. */
class OpenSearchOpsTest {
    private static final String ACK = "{\"acknowledged\":true}";

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile String authorization;

    @BeforeEach
    void startFlakyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // every path fails once with 503 (HEAD never fails), then answers 200
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        int hit = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        authorization = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        byte[] body = (hit == 1 ? "{\"error\":{\"type\":\"unavailable\",\"reason\":\"try later\"},\"status\":503}" : ACK)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(hit == 1 ? 503 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private OpenSearchOps flakyClusterOps() {
        return OpenSearchOps.builder()
                .endpoints("http://127.0.0.1:" + server.getAddress().getPort())
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(20)))
                .build();
    }

    @Test
    void settingsWritesAreRetriedAsIdempotent() {
        try (OpenSearchOps os = flakyClusterOps()) {
            assertTrue(os.putClusterSettings(ClusterSettingsUpdate.builder()
                    .persistent("cluster.routing.allocation.enable", "primaries").build()));
            assertEquals(2, hits.get("PUT /_cluster/settings").get());
        }
    }

    @Test
    void deletesAndBulkWritesAreNeverRetried() {
        try (OpenSearchOps os = flakyClusterOps()) {
            OpenSearchServiceException delete = assertThrows(OpenSearchServiceException.class,
                    () -> os.deleteIndex("logs"));
            assertEquals(503, delete.statusCode());
            assertEquals("unavailable", delete.errorType());
            assertEquals("try later", delete.errorReason());
            assertEquals(1, hits.get("DELETE /logs").get());

            assertThrows(OpenSearchServiceException.class, () -> os.bulkIndex("logs", List.of("{\"n\":1}")));
            assertEquals(1, hits.get("POST /_bulk").get());
        }
    }

    @Test
    void fromMapReadsFlatScriptKeysWithoutLeakingSecrets() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("endpoints", List.of("http://127.0.0.1:" + server.getAddress().getPort()));
        map.put("user", "ops");
        map.put("password", "s3cret-value");
        map.put("insecure", false);
        map.put("response_timeout", "45s");
        try (OpenSearchOps os = OpenSearchOps.fromMap(map)) {
            assertEquals(Credentials.Type.BASIC, os.options().credentials().type());
            assertEquals("ops", os.options().credentials().user().orElseThrow());
            assertEquals(Duration.ofSeconds(45), os.options().timeouts().response());
            assertEquals("opensearch", os.options().serviceName());
            assertFalse(os.options().toString().contains("s3cret-value"));
            assertFalse(os.toString().contains("s3cret-value"));
        }
    }

    @Test
    void fromMapRejectsUnknownAndConflictingKeys() {
        assertThrows(OpsValidationException.class,
                () -> OpenSearchOps.fromMap(Map.of("endpoints", "http://127.0.0.1:9200", "pasword", "x")));
        assertThrows(OpsValidationException.class, () -> OpenSearchOps.fromMap(Map.of(
                "endpoints", "http://127.0.0.1:9200", "user", "ops", "credentials", Map.of("token", "t"))));
    }

    @Test
    void javaClientSendsTheSameCredentials() throws IOException {
        try (OpenSearchOps os = OpenSearchOps.builder()
                .endpoints("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials(Credentials.basic("ops", Secret.of("pw")))
                .build()) {
            assertTrue(os.javaClient().ping().value());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:pw".getBytes(StandardCharsets.UTF_8)),
                    authorization);
        }
    }

    @Test
    void javaClientIsCreatedOnceAndClosedWithTheFacade() {
        OpenSearchOps os = flakyClusterOps();
        OpenSearchClient client = os.javaClient();
        assertSame(client, os.javaClient());
        os.close();
        assertThrows(IllegalStateException.class, os::javaClient);
        os.close();
    }
}
