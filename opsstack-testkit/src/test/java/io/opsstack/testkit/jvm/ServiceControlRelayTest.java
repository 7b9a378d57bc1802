package io.opsstack.testkit.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

class ServiceControlRelayTest {

    @Test
    void forwardsStopStartAndStateAndReportsFailures() {
        Recording recording = new Recording();
        try (ServiceControlRelay relay = ServiceControlRelay.serve(recording)) {
            ServiceControl remote = new RelayedServiceControl(relay.uri());

            remote.stop("node-a", Duration.ofSeconds(7));
            remote.start("node-a", Duration.ofSeconds(8));
            ServiceState state = remote.state("node-a");
            OpsException failed = assertThrows(OpsException.class, () -> remote.stop("broken", Duration.ofSeconds(1)));

            assertEquals(List.of("stop node-a PT7S", "start node-a PT8S", "state node-a", "stop broken PT1S"), recording.calls);
            assertEquals(ServiceState.INACTIVE, state);
            assertTrue(failed.getMessage().contains("cannot stop broken"), failed.getMessage());
            assertTrue(relay.uri().toString().startsWith("http://127.0.0.1:"), relay.uri().toString());
        }
    }

    private static final class Recording implements ServiceControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void stop(String node, Duration timeout) {
            calls.add("stop " + node + " " + timeout);
            if (node.equals("broken")) {
                throw new IllegalStateException("cannot stop broken");
            }
        }

        @Override
        public synchronized void start(String node, Duration timeout) {
            calls.add("start " + node + " " + timeout);
        }

        @Override
        public synchronized ServiceState state(String node) {
            calls.add("state " + node);
            return ServiceState.INACTIVE;
        }
    }
}
