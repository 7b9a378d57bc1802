package io.opsstack.testkit.patroni;

import java.time.Duration;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

/**
 * {@link ServiceControl} over the lab's Patroni members: stop is SIGTERM (Patroni stops its
 * PostgreSQL) with SIGKILL of the tree after the timeout; start launches the member on its
 * existing data directory. Joining the cluster is left to the caller, as the contract says.
 */
final class PatroniLabServiceControl implements ServiceControl {

    private final PatroniLab lab;

    PatroniLabServiceControl(PatroniLab lab) {
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
        return "PatroniLabServiceControl[" + lab + "]";
    }
}
