package io.opsstack.opensearch.lab.reliability.crash;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.testkit.service.ForwardingServiceControl;

/**
 * The lab's service control as the killed applier sees it: stops go through, a start waits until the test
 * drops it and then does nothing. A crashed operator process never finishes the start it was about to send;
 * without this, the relay would still start the node in this JVM after the child died, racing the resume.
 */
final class HeldStarts extends ForwardingServiceControl {
    private final CountDownLatch dropped = new CountDownLatch(1);

    HeldStarts(ServiceControl lab) {
        super(lab);
    }

    @Override
    public void start(String node, Duration timeout) {
        try {
            dropped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every held start without starting anything. */
    void dropHeldStarts() {
        dropped.countDown();
    }
}
