package io.opsstack.testkit.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

/** The lab runs the real Debian VictoriaMetrics binaries and leaves nothing behind. */
class VictoriaLabTest {

    @Test
    void startsStopsAndRestartsRealProcessesAndCleansUp() {
        VictoriaLab lab = VictoriaLab.builder().name("testkit-lab").build().start();
        Set<Long> pids;
        try {
            assertEquals(3, lab.nodeNames().size());
            for (String url : new String[] {lab.serverUrl(), lab.vmagentUrl(), lab.vmauthUrl()}) {
                assertEquals("OK", SimHttpClient.get(url + "/health").body(), url);
            }
            assertTrue(SimHttpClient.get(lab.serverUrl() + "/flags").body().contains("-storageDataPath=\""
                    + lab.serverDataDirectory() + "\""));

            ServiceControl control = lab.serviceControl();
            control.stop(VictoriaLab.SERVER, Duration.ofSeconds(15));
            assertEquals(ServiceState.INACTIVE, control.state(VictoriaLab.SERVER));
            control.start(VictoriaLab.SERVER, Duration.ofSeconds(30));
            assertEquals(ServiceState.ACTIVE, control.state(VictoriaLab.SERVER));
            assertEquals("OK", SimHttpClient.get(lab.serverUrl() + "/health").body());

            lab.kill(VictoriaLab.VMAGENT);
            assertEquals(ServiceState.INACTIVE, lab.state(VictoriaLab.VMAGENT));
            lab.start(VictoriaLab.VMAGENT);
            pids = lab.pids();
            assertEquals(3, pids.size());
        } finally {
            lab.close();
        }
        for (long pid : pids) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            assertFalse(process.isPresent() && process.get().isAlive(), "process " + pid + " survived close()");
        }
        assertTrue(lab.leftoverProcesses().isEmpty(), "leftovers: " + lab.leftoverProcesses());
    }
}
