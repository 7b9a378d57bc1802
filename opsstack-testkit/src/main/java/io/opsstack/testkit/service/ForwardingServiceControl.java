package io.opsstack.testkit.service;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import java.time.Duration;
import java.util.Objects;

/**
 * Hands {@code stop}, {@code start} and {@code state} to a delegate ({@code restart} stays stop then start, so an
 * overridden stop or start sees it too); a test overrides only the call it observes, counts or holds.
 */
public abstract class ForwardingServiceControl implements ServiceControl {
    private final ServiceControl delegate;

    protected ForwardingServiceControl(ServiceControl delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final ServiceControl delegate() {
        return delegate;
    }

    @Override
    public void stop(String node, Duration timeout) {
        delegate.stop(node, timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        delegate.start(node, timeout);
    }

    @Override
    public ServiceState state(String node) {
        return delegate.state(node);
    }
}
