package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.junit.SharedLabs;

/** The probe against the shared lab: failover past a dead endpoint, counting, and verification of acknowledged ids. */
@ExtendWith(OpenSearchLabExtension.class)
class WriteReadProbeTest {

    private static final List<String> INDICES = List.of("probe-test-a", "probe-test-b");

    private OpenSearchLab lab;

    @BeforeEach
    void createIndices() {
        lab = SharedLabs.openSearch(LabVersions.last(), LabTopology.hotWarmCold());
        for (String index : INDICES) {
            LabHttp.putOk(lab.httpEndpoint(), "/" + index,
                    "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":1}}");
        }
        LabHttp.getOk(lab.httpEndpoint(), "/_cluster/health/" + String.join(",", INDICES)
                + "?wait_for_status=green&timeout=60s");
    }

    @AfterEach
    void dropIndices() {
        INDICES.forEach(index -> LabHttp.delete(lab.httpEndpoint(), "/" + index));
    }

    @Test
    void failsOverPastADeadNodeAndFindsEveryAcknowledgedDocument() throws Exception {
        List<URI> endpoints = new ArrayList<>();
        endpoints.add(URI.create("http://127.0.0.1:" + FreePorts.loopback(1).get(0) + "/"));
        endpoints.addAll(lab.httpEndpoints());

        ProbeReport report;
        try (WriteReadProbe probe = WriteReadProbe.builder(endpoints).indices(INDICES).start()) {
            awaitAcknowledged(probe, 3);
            report = probe.stop();
            ProbeVerification verification = probe.verify();

            assertTrue(verification.complete(), verification.toString());
            assertEquals(report.acknowledgedWrites(), verification.acknowledged());
        }
        assertTrue(report.acknowledgedWrites().get("probe-test-a") >= 3, report.toString());
        assertTrue(report.acknowledgedWrites().get("probe-test-b") >= 3, report.toString());
        assertTrue(report.reads() > 0, report.toString());
        assertTrue(report.failovers() >= 1, "the dead first endpoint forces a failover: " + report);
        assertTrue(report.clean(), report.toString());
        assertTrue(report.longestWriteGap().toMillis() < report.duration().toMillis());
        assertEquals(0L, report.toMap().get("write_failures"));
    }

    @Test
    void verificationNamesADocumentThatDisappeared() throws Exception {
        WriteReadProbe probe = WriteReadProbe.builder(lab).indices(List.of("probe-test-a")).start();
        awaitAcknowledged(probe, 3);
        ProbeReport report = probe.stop();
        assertTrue(report.totalAcknowledgedWrites() >= 3, report.toString());
        LabHttp.delete(lab.httpEndpoint(), "/probe-test-a/_doc/probe-0?refresh=true");

        ProbeVerification verification = probe.verify();

        assertFalse(verification.complete());
        assertEquals(report.totalAcknowledgedWrites() - 1, verification.present().get("probe-test-a"));
        assertEquals(List.of("probe-0"), verification.missingSample().get("probe-test-a"));
        assertThrows(IllegalStateException.class, verification::requireComplete);
    }

    /** Waits (bounded) until every index of the probe has {@code count} acknowledged writes; a loaded machine is slow. */
    private static void awaitAcknowledged(WriteReadProbe probe, long count) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (probe.current().acknowledgedWrites().values().stream().anyMatch(n -> n < count)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void refusesAnEmptyIndexList() {
        assertThrows(OpsValidationException.class, () -> WriteReadProbe.builder(lab).indices(List.of()));
    }
}
