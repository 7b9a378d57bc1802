package io.opsstack.testkit.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.service.ServiceState;

/** The simulated cluster speaks the documented 1.79 cluster HTTP surface (simulated, not a real cluster). */
class VmClusterSimulatorTest {
    private static VmClusterSimulator sim;

    @BeforeAll
    static void start() {
        sim = VmClusterSimulator.builder().name("testkit-sim").storageNodes(2).insertNodes(1).selectNodes(1).build().start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
            assertTrue(sim.leftoverProcesses().isEmpty(), "processes left: " + sim.leftoverProcesses());
        }
    }

    @Test
    void importedSamplesAreQueryableOnlyInTheirTenant() {
        String insert = sim.nodes("vminsert").get(0).baseUrl();
        String select = sim.nodes("vmselect").get(0).baseUrl();
        long now = System.currentTimeMillis();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append("sim_metric{i=\"").append(i).append("\"} ").append(i).append(' ').append(now - 1000).append('\n');
        }
        HttpResponse<String> imported = SimHttpClient.post(insert + "/insert/7:8/prometheus/api/v1/import/prometheus", lines.toString());
        assertEquals(204, imported.statusCode(), imported.body());

        String own = SimHttpClient.get(select + "/select/7:8/prometheus/api/v1/query?query=sim_metric").body();
        String other = SimHttpClient.get(select + "/select/7/prometheus/api/v1/query?query=sim_metric").body();
        assertTrue(own.contains("\"isPartial\":false") && own.contains("\"i\":\"19\""), own);
        assertTrue(other.contains("\"result\":[]"), other);

        String storage1 = SimHttpClient.get(sim.node("vmstorage-1").baseUrl() + "/metrics").body();
        String storage2 = SimHttpClient.get(sim.node("vmstorage-2").baseUrl() + "/metrics").body();
        assertFalse(storage1.contains("vm_rows{type=\"storage/small\"} 0\n"), "hashing must spread rows:\n" + storage1);
        assertFalse(storage2.contains("vm_rows{type=\"storage/small\"} 0\n"), "hashing must spread rows:\n" + storage2);
    }

    @Test
    void flagsAndMetricsCarryTheDocumentedNames() {
        SimulatedNode vminsert = sim.nodes("vminsert").get(0);
        String flags = SimHttpClient.get(vminsert.baseUrl() + "/flags").body();
        assertTrue(flags.contains("-storageNode=\"" + String.join(",", vminsert.storageNodes()) + "\""), flags);
        String metrics = SimHttpClient.get(vminsert.baseUrl() + "/metrics").body();
        for (String storage : vminsert.storageNodes()) {
            assertTrue(metrics.contains("vm_rpc_vmstorage_is_reachable{name=\"vminsert\", addr=\"" + storage + "\"} 1"), metrics);
        }
        String select = SimHttpClient.get(sim.nodes("vmselect").get(0).baseUrl() + "/metrics").body();
        assertTrue(select.contains("vm_tcpdialer_addr_available{name=\"vmselect\""), select);
        assertFalse(select.contains("vm_rpc_vmstorage_is_reachable"), "vmselect has no is_reachable gauge");
        assertEquals("OK", SimHttpClient.get(vminsert.baseUrl() + "/health").body());
    }

    @Test
    void stoppedStorageMakesQueriesPartialUntilStartedAgain() throws InterruptedException {
        String select = sim.nodes("vmselect").get(0).baseUrl();
        Set<Long> before = sim.pids();
        sim.serviceControl().stop("vmstorage-2", Duration.ofSeconds(10));
        try {
            assertEquals(ServiceState.INACTIVE, sim.state("vmstorage-2"));
            String partial = SimHttpClient.get(select + "/select/0/prometheus/api/v1/query?query=up").body();
            assertTrue(partial.contains("\"isPartial\":true"), partial);
            HttpResponse<String> denied = SimHttpClient.get(select + "/select/0/prometheus/api/v1/query?query=up&deny_partial_response=1");
            assertEquals(503, denied.statusCode(), denied.body());
        } finally {
            sim.serviceControl().start("vmstorage-2", Duration.ofSeconds(30));
        }
        assertEquals(ServiceState.ACTIVE, sim.state("vmstorage-2"));
        assertFalse(before.containsAll(sim.pids()), "vmstorage-2 must run as a new process");
        String complete = "";
        for (int i = 0; i < 50 && !complete.contains("\"isPartial\":false"); i++) {
            Thread.sleep(100);
            complete = SimHttpClient.get(select + "/select/0/prometheus/api/v1/query?query=up").body();
        }
        assertTrue(complete.contains("\"isPartial\":false"), complete);
    }

    @Test
    void definitionMapListsEveryNode() {
        Map<String, Object> definition = sim.definitionMap();
        assertEquals(2, ((List<?>) definition.get("vmstorage")).size());
        assertEquals(1, ((List<?>) definition.get("vminsert")).size());
        assertThrows(OpsValidationException.class, () -> sim.nodes("vmfoo"));
        assertThrows(OpsValidationException.class, () -> sim.stop("vmstorage-9"));
    }
}
