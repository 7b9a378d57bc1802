package io.opsstack.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.victoria.SimulatedNode;
import io.opsstack.testkit.victoria.VmClusterSimulator;
import io.opsstack.victoria.model.ClusterHealthReport;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.QueryResult;
import io.opsstack.victoria.model.StorageLink;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.model.Tenant;
import io.opsstack.victoria.model.TopologyReport;

/**
 * Cluster-only behaviour against {@link VmClusterSimulator} — <b>simulated</b>: tenant paths, health from
 * {@code /metrics}, partial answers, the storage list from {@code /flags}. Confirm on a real cluster.
 */
class SimulatedClusterOpsTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static VmClusterSimulator sim;
    private static VictoriaClusterOps ops;

    @BeforeAll
    static void start() {
        sim = VmClusterSimulator.builder().name("ops").storageNodes(3).insertNodes(2).selectNodes(2).build().start();
        ops = VictoriaClusterOps.fromMap(opsMap(sim, false));
    }

    @AfterAll
    static void stop() {
        if (ops != null) {
            ops.close();
        }
        if (sim != null) {
            sim.close();
            assertTrue(sim.leftoverProcesses().isEmpty());
        }
    }

    @Test
    void tenantPathsKeepDataApart() {
        long ts = Instant.now().minusSeconds(30).toEpochMilli();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("sim_tenant_metric{i=\"").append(i).append("\"} ").append(i).append(' ').append(ts).append('\n');
        }
        ops.insert(Tenant.parse("12:34")).importPrometheus(text.toString());
        QueryResult own = ops.select(Tenant.parse("12:34")).query("sim_tenant_metric");
        assertEquals(30, own.vector().size());
        assertFalse(own.isPartial());
        assertTrue(ops.select(Tenant.parse("12")).query("sim_tenant_metric").vector().isEmpty());
        assertTrue(ops.select().series(SeriesMatch.of("sim_tenant_metric")).isEmpty());
        assertEquals(30, ops.select(Tenant.parse("12:34")).export("sim_tenant_metric").size());
        double sent = 0;
        for (StorageNode node : ops.definition().vmstorage()) {
            double rows = ops.vmstorage(node.name()).metrics().value("vm_rows").orElseThrow();
            assertTrue(rows > 0, "consistent hashing spreads series over every node: " + node.name());
            sent += rows;
        }
        assertTrue(sent >= 30);
    }

    @Test
    void healthReportFollowsAStoppedStorageNode() {
        Eventually.await("a healthy cluster", SETTLE, ops::healthReport, ClusterHealthReport::healthy);
        StorageNode victim = ops.definition().vmstorage().get(1);
        sim.serviceControl().stop(victim.name(), Duration.ofSeconds(10));
        try {
            ClusterHealthReport report = Eventually.await("vminserts to see " + victim.name() + " as unreachable", SETTLE,
                    ops::healthReport, r -> r.components(ComponentType.VMINSERT).stream()
                            .allMatch(c -> !c.link(victim.vminsertAddress()).orElseThrow().healthy()));
            assertFalse(report.healthy());
            for (ComponentHealth vminsert : report.components(ComponentType.VMINSERT)) {
                StorageLink link = vminsert.link(victim.vminsertAddress()).orElseThrow();
                assertEquals(victim.name(), link.storageNode());
                assertTrue(link.reason().contains("vm_rpc_vmstorage_is_reachable=0"), link.reason());
                assertTrue(vminsert.link(ops.definition().vmstorage().get(0).vminsertAddress()).orElseThrow().healthy());
            }
            ComponentHealth storage = report.component(ComponentType.VMSTORAGE, victim.name());
            assertTrue(storage.problems().get(0).startsWith("unreachable"), storage.problems().toString());
            Eventually.await("vmselects to see " + victim.name() + " as unavailable", SETTLE, ops::healthReport,
                    r -> r.components(ComponentType.VMSELECT).stream()
                            .allMatch(c -> !c.link(victim.vmselectAddress()).orElseThrow().healthy()));

            ops.insert().importPrometheus("sim_during_outage{k=\"1\"} 1\nsim_during_outage{k=\"2\"} 2\n");
            QueryResult partial = ops.select().query("sim_during_outage");
            assertTrue(partial.isPartial(), "vmselect must flag answers missing a vmstorage node");
            assertEquals(2, partial.vector().size(), "rerouted rows stay readable");
            OpsServiceException denied = assertThrows(OpsServiceException.class, () -> ops.select()
                    .query(InstantQuery.builder().query("sim_during_outage").denyPartialResponse(true).build()));
            assertEquals(503, denied.statusCode());
            assertTrue(report.render().contains(victim.name()));
        } finally {
            sim.serviceControl().start(victim.name(), Duration.ofSeconds(30));
        }
        ClusterHealthReport healed = Eventually.await("the cluster to heal", SETTLE, ops::healthReport, ClusterHealthReport::healthy);
        assertEquals(2.0, healed.component(ComponentType.VMSTORAGE, victim.name()).details().get("vm_vminsert_conns"));
        assertFalse(ops.select().query("sim_during_outage").isPartial());
    }

    @Test
    void storageListFromFlagsIsComparedWithTheDefinition() {
        TopologyReport consistent = ops.checkTopology();
        assertTrue(consistent.consistent(), consistent.disagreements().toString());
        SimulatedNode vmselect = sim.nodes("vmselect").get(1);
        List<String> original = vmselect.storageNodes();
        sim.restartWithStorageNodes(vmselect.name(), original.subList(0, 2));
        try {
            TopologyReport report = ops.checkTopology();
            assertFalse(report.consistent());
            assertEquals(1, report.disagreements().size(), report.disagreements().toString());
            assertTrue(report.disagreements().get(0).contains(vmselect.name()) && report.disagreements().get(0).contains(original.get(2)),
                    report.disagreements().toString());
            try (VictoriaClusterOps strict = VictoriaClusterOps.fromMap(opsMap(sim, true))) {
                OpsValidationException e = assertThrows(OpsValidationException.class, strict::checkTopology);
                assertTrue(e.getMessage().contains("missing [" + original.get(2) + "]"), e.getMessage());
            }
        } finally {
            sim.restartWithStorageNodes(vmselect.name(), original);
        }
        assertTrue(ops.checkTopology().consistent());
    }

    @Test
    void replicationRuleIsReportedWithTheHealth() {
        assertTrue(ops.replicationCheck().message().contains("replication factor 1"));
        assertEquals(0, ops.healthReport().replication().toleratedNodeLosses());
        Map<String, Object> rf2 = new LinkedHashMap<>(sim.definitionMap());
        rf2.put("replication_factor", 2);
        try (VictoriaClusterOps replicated = VictoriaClusterOps.fromMap(rf2)) {
            assertTrue(replicated.replicationCheck().satisfied());
            TopologyReport report = replicated.checkTopology();
            assertTrue(report.problems().get(0).contains("-replicationFactor=1"), report.problems().toString());
        }
    }

    @Test
    void reachabilityBeforeTheFirstConnectionIsNotCountedHealthy() {
        try (VmClusterSimulator late = VmClusterSimulator.builder().name("late-dial").storageNodes(1).insertNodes(1).selectNodes(1)
                .firstDialDelay(Duration.ofMinutes(5)).build().start();
             VictoriaClusterOps lateOps = VictoriaClusterOps.fromMap(opsMap(late, false))) {
            String storage = late.nodes("vmstorage").get(0).vminsertAddress();
            assertEquals(1.0, lateOps.vminsert("vminsert-1").metrics().value("vm_rpc_vmstorage_is_reachable", "addr", storage)
                    .orElseThrow(), "the gauge reads 1 before the first dial");
            ComponentHealth vminsert = lateOps.healthReport().component(ComponentType.VMINSERT, "vminsert-1");
            assertFalse(vminsert.healthy());
            assertTrue(vminsert.link(storage).orElseThrow().reason().contains("vm_tcpdialer_conns=0"), vminsert.toString());
        }
    }

    private static Map<String, Object> opsMap(VmClusterSimulator simulator, boolean strict) {
        Map<String, Object> map = new LinkedHashMap<>(simulator.definitionMap());
        map.put("retry", Map.of("max_attempts", 2, "initial_backoff", "50ms"));
        map.put("circuit_breaker", Map.of("enabled", false));
        map.put("timeouts", Map.of("connect", "2s", "response", "10s"));
        map.put("strict", strict);
        return map;
    }
}
