package io.opsstack.opensearch.lab.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsstack.api.error.CircuitOpenException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.testkit.fault.FaultKind;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.fault.FaultSpec;
import io.opsstack.testkit.fault.ProxiedRequest;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenSearch client behind a fault proxy on the real lab: reads and idempotent writes are retried
 * through resets, 429 with Retry-After, 502 and 503 and succeed; a stalled node times out; the
 * circuit breaker opens on a failing or unreachable endpoint and names it. Runs on one version: the
 * retry and breaker logic is opsstack's, not the server's.
 */
@Timeout(180)
class OpenSearchRetryLabTest {
    private static final String HEALTH = "/_cluster/health";
    private static final String NODES = "/_nodes/_all/http";
    private static final String SHARDS = "/_cat/shards";
    private static final String SETTINGS = "/_cluster/settings";

    private static OpenSearchLab lab;
    private FaultProxy proxy;

    @BeforeAll
    static void lab() {
        String version = LabSupport.versionIndependent();
        assumeTrue(version != null, "runs once, on the first default version");
        lab = LabSupport.lab(version);
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.forward(lab.httpEndpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void readsSucceedThroughResetsThrottlingAndGatewayErrors() {
        proxy.failNext(1, FaultSpec.resetOnConnect());
        proxy.failNext(1, FaultSpec.tooManyRequests(Duration.ofSeconds(1)).matching("GET", HEALTH));
        proxy.failNext(1, FaultSpec.resetBeforeForward().matching("GET", HEALTH));
        proxy.failNext(1, FaultSpec.resetBeforeForward().matching("GET", NODES));
        proxy.failNext(1, FaultSpec.badGateway().matching("GET", SHARDS));
        proxy.failNext(1, FaultSpec.serviceUnavailable().matching("GET", SHARDS));
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, FaultsLab.QUICK_RETRIES);
             OpenSearchOps direct = OpenSearchOps.connect(lab.httpEndpoint().toString())) {
            ClusterHealth health = os.health();
            List<NodeInfo> nodes = os.nodes();
            List<ShardRow> shards = os.shards();

            assertEquals(lab.clusterName(), health.clusterName());
            assertEquals(lab.nodes().size(), nodes.size());
            assertEquals(indices(direct.shards()), indices(shards));
        }
        assertEquals(3, FaultsLab.attempts(proxy, "GET", HEALTH), "429, reset, success: " + proxy.requests());
        assertEquals(2, FaultsLab.attempts(proxy, "GET", NODES), proxy.requests().toString());
        assertEquals(3, FaultsLab.attempts(proxy, "GET", SHARDS), proxy.requests().toString());
        assertEquals(1, proxy.forwardedCount("GET", HEALTH));
        assertEquals(1, proxy.forwardedCount("GET", NODES));
        assertEquals(1, proxy.forwardedCount("GET", SHARDS));
        assertEquals(6, proxy.injectedCount(), "every injected fault was met: " + proxy.requests());
    }

    @Test
    void anIdempotentSettingsWriteIsRetriedThroughAResetAfterForwardingAndA503() {
        String key = "search.max_buckets";
        proxy.failNext(1, FaultSpec.resetAfterForward().matching("PUT", SETTINGS));
        proxy.failNext(1, FaultSpec.serviceUnavailable().matching("PUT", SETTINGS));
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, FaultsLab.QUICK_RETRIES)) {
            assertTrue(os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(key, 65001).build()));
            assertEquals("65001", os.clusterSettings(false).effective(key).value());
        } finally {
            try (OpenSearchOps direct = OpenSearchOps.connect(lab.httpEndpoint().toString())) {
                direct.putClusterSettings(ClusterSettingsUpdate.builder().persistent(key, null).build());
            }
        }
        assertEquals(3, FaultsLab.attempts(proxy, "PUT", SETTINGS), proxy.requests().toString());
        assertEquals(2, proxy.forwardedCount("PUT", SETTINGS),
                "the write whose answer was lost ran again: harmless, the same values were written twice");
    }

    @Test
    void aStalledNodeTimesOutWithinTheResponseTimeoutAndLatencyIsTolerated() {
        Timeouts timeouts = Timeouts.builder().response(Duration.ofSeconds(2)).build();
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, FaultsLab.QUICK_RETRIES, CircuitBreakerPolicy.disabled(),
                timeouts)) {
            proxy.failNext(1, FaultSpec.latency(Duration.ofMillis(500)));
            assertEquals(lab.clusterName(), os.health().clusterName());

            proxy.failNext(1, FaultSpec.stall());
            OpsTimeoutException timeout = assertThrows(OpsTimeoutException.class, os::health);
            assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
        }
        List<FaultKind> faults = proxy.requests().stream().map(ProxiedRequest::fault).toList();
        assertEquals(List.of(FaultKind.LATENCY, FaultKind.STALL), faults,
                "the stalled read was not retried: the server may still be working on it");
    }

    @Test
    void theCircuitBreakerOpensOnAnAll503EndpointAndOnADownEndpointAndNamesIt() throws IOException {
        CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder().minimumCalls(4).windowSize(4).build();
        proxy.failAlways(FaultSpec.serviceUnavailable());
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, RetryPolicy.none(), breaker, Timeouts.defaults())) {
            for (int i = 0; i < 4; i++) {
                assertThrows(OpsServiceException.class, os::health);
            }
            CircuitOpenException open = assertThrows(CircuitOpenException.class, os::health);
            assertTrue(open.getMessage().contains("127.0.0.1:" + proxy.port()), open.getMessage());
        }
        assertEquals(4, proxy.requests().size(), "the open breaker sent nothing more: " + proxy.requests());

        int downPort;
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = reserved.getLocalPort();
        }
        try (OpenSearchOps down = OpenSearchOps.builder().endpoints("http://127.0.0.1:" + downPort)
                .retryPolicy(RetryPolicy.none()).circuitBreakerPolicy(breaker).build()) {
            for (int i = 0; i < 4; i++) {
                assertThrows(OpsConnectException.class, down::health);
            }
            CircuitOpenException open = assertThrows(CircuitOpenException.class, down::health);
            assertTrue(open.getMessage().contains("127.0.0.1:" + downPort), open.getMessage());
        }
    }

    private static Set<String> indices(List<ShardRow> shards) {
        return shards.stream().map(ShardRow::index).collect(Collectors.toSet());
    }
}
