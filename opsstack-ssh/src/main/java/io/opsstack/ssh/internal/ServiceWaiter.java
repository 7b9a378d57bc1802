package io.opsstack.ssh.internal;

import java.time.Duration;
import java.util.Set;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.WaitFailedException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.service.ServiceState;

/** Polls a service's state until it is wanted, fails, or the deadline passes. */
public final class ServiceWaiter {

    /** Reads the current state. */
    public interface StateProbe {
        ServiceState read();
    }

    private ServiceWaiter() {
    }

    /**
     * @param failing states that end the wait with {@link WaitFailedException}
     * @param deadlineNanos {@link System#nanoTime()} value after which {@link WaitTimeoutException} is thrown
     */
    public static ServiceState await(String what, String target, Set<ServiceState> wanted, Set<ServiceState> failing,
                                     long deadlineNanos, Duration interval, StateProbe probe) {
        long started = System.nanoTime();
        int attempts = 0;
        ServiceState state;
        while (true) {
            attempts++;
            state = probe.read();
            if (wanted.contains(state)) {
                return state;
            }
            if (failing.contains(state)) {
                throw new WaitFailedException(what + ": the service is " + state, null, target, attempts);
            }
            if (System.nanoTime() + interval.toNanos() > deadlineNanos) {
                throw new WaitTimeoutException(what + ": still " + state + " at the deadline", null, target, attempts,
                        Duration.ofNanos(System.nanoTime() - started));
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                throw OpsCancelledException.interrupted(what, e);
            }
        }
    }

    /** Time left until the deadline, at least one millisecond (commands need a positive timeout). */
    public static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
    }
}
