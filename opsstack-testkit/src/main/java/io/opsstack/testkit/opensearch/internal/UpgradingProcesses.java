package io.opsstack.testkit.opensearch.internal;

import java.time.Duration;

import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.ProcessServiceControl;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/** A lab's node processes where every start moves the node to the target version first. */
public final class UpgradingProcesses implements ProcessServiceControl.Processes {

    private final OpenSearchLab lab;
    private final String targetVersion;

    public UpgradingProcesses(OpenSearchLab lab, String targetVersion) {
        this.lab = lab;
        this.targetVersion = targetVersion;
    }

    @Override
    public void stopProcess(String node, Duration grace) {
        lab.stopProcess(node, grace);
    }

    @Override
    public void startProcess(String node) {
        lab.upgradeProcess(node, targetVersion);
    }

    @Override
    public ServiceState state(String node) {
        return lab.state(node);
    }

    @Override
    public String toString() {
        return lab + " upgrading to " + targetVersion;
    }
}
