package io.opsstack.opensearch.lab.reliability.crash;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

/**
 * The lab's service control as the killed applier sees it: stops go through, a start waits until the test
 * drops it and then does nothing. A crashed operator process never finishes the start it was about to send;
 * without this, the relay would still start the node in this JVM after the child died, racing the resume.
 */
final class HeldStarts implements ServiceControl {
    private final ServiceControl lab;
    private final CountDownLatch dropped = new CountDownLatch(1);

    HeldStarts(ServiceControl lab) {
        this.lab = lab;
    }

    @Override
    public void stop(String node, Duration timeout) {
        lab.stop(node, timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        try {
            dropped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServiceState state(String node) {
        return lab.state(node);
    }

    /** Ends every held start without starting anything. */
    void dropHeldStarts() {
        dropped.countDown();
    }
}
