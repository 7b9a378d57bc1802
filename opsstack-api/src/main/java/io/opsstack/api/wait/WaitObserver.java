package io.opsstack.api.wait;

import java.time.Duration;

/** Told about every poll of a waiter (e.g. to emit a {@code StepWaiting} event). */
public interface WaitObserver {
    void onPoll(int attempt, Duration elapsed, String description);
}
