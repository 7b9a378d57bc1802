package io.opsstack.testkit.internal.process;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import java.time.Duration;

/**
 * {@link ServiceControl} over a lab's node processes: {@code stop} ends the process tree (SIGTERM,
 * then SIGKILL when the timeout expires, so a lab process never outlives the call); {@code start}
 * launches the process on its existing data directory and leaves waiting for it to rejoin to the
 * caller, as the contract says.
 */
public final class ProcessServiceControl implements ServiceControl {

    /** What a lab offers for its node processes. */
    public interface Processes {
        void stopProcess(String node, Duration grace);

        void startProcess(String node);

        ServiceState state(String node);
    }

    private final Processes processes;

    public ProcessServiceControl(Processes processes) {
        this.processes = processes;
    }

    @Override
    public void stop(String node, Duration timeout) {
        processes.stopProcess(node, timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        processes.startProcess(node);
    }

    @Override
    public ServiceState state(String node) {
        return processes.state(node);
    }

    @Override
    public String toString() {
        return "ServiceControl[" + processes + "]";
    }
}
