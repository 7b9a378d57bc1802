package io.opsstack.victoria;

import java.time.Duration;

/** Polls a condition in tests; fails with the last observed state. */
final class Eventually {

    /** What is polled. */
    interface Probe<T> {
        T read();
    }

    /** The verdict on a read value. */
    interface Check<T> {
        boolean test(T value);
    }

    private Eventually() {
    }

    static <T> T await(String what, Duration timeout, Probe<T> probe, Check<T> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.read();
            if (check.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError(what + " not reached within " + timeout + "; last: " + last);
    }
}
