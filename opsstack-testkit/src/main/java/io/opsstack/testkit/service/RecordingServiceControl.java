package io.opsstack.testkit.service;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records what it was asked ({@code "stop <node>"}, {@code "start <node>"}) and does nothing else: a refused
 * operation must leave {@link #calls()} empty. Subclasses record further calls of their own with {@link #record}.
 */
public class RecordingServiceControl implements ServiceControl {
    /** Where the reported service state comes from. */
    public interface StateSource {
        ServiceState state(String node);
    }

    private final StateSource states;
    private final List<String> calls = new ArrayList<>();

    /** Every service reports {@link ServiceState#ACTIVE}. */
    public RecordingServiceControl() {
        this(node -> ServiceState.ACTIVE);
    }

    public RecordingServiceControl(StateSource states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public void stop(String node, Duration timeout) {
        record("stop " + node);
    }

    @Override
    public void start(String node, Duration timeout) {
        record("start " + node);
    }

    @Override
    public ServiceState state(String node) {
        return states.state(node);
    }

    /** Every call so far, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    protected final synchronized void record(String call) {
        calls.add(call);
    }
}
