package io.opsstack.testkit.opensearch;

import java.time.Duration;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

/**
 * {@link ServiceControl} over lab node processes. {@code stop} sends SIGTERM and, when the timeout
 * expires, SIGKILL instead of failing (a lab node must not outlive the call); {@code start} launches
 * the process on its existing data directory and leaves waiting for the join to the caller, as the
 * contract says ({@link OpenSearchLab#awaitJoined}).
 */
final class LabServiceControl implements ServiceControl {

    private final OpenSearchLab lab;

    LabServiceControl(OpenSearchLab lab) {
        this.lab = lab;
    }

    @Override
    public void stop(String node, Duration timeout) {
        lab.stopProcess(node, timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        lab.startProcess(node);
    }

    @Override
    public ServiceState state(String node) {
        return lab.state(node);
    }

    @Override
    public String toString() {
        return "LabServiceControl[" + lab + "]";
    }
}
