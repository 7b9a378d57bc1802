package io.opsstack.api.wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Virtual time: sleeping advances it instantly and is recorded. */
final class FakeClock implements WaitClock {
    private long nanos = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
