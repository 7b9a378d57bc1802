package io.opsstack.opensearch.lab.reliability.badinput;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A service control that only records what it was asked to do: refused operations must ask nothing. */
final class RecordingServiceControl implements ServiceControl {
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void stop(String node, Duration timeout) {
        calls.add("stop " + node);
    }

    @Override
    public synchronized void start(String node, Duration timeout) {
        calls.add("start " + node);
    }

    @Override
    public ServiceState state(String node) {
        return ServiceState.ACTIVE;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
