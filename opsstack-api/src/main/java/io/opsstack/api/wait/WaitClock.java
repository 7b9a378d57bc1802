package io.opsstack.api.wait;

import java.time.Duration;

/** Time source and sleeper of a wait; tests substitute a fake so they never really sleep. */
interface WaitClock {
    WaitClock SYSTEM = new WaitClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    };

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}
