package io.opsstack.api.error;

import java.time.Duration;

/** A waiter's deadline or attempt budget ran out before a success acceptor matched. */
public class WaitTimeoutException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final Duration elapsed;

    public WaitTimeoutException(String message, Throwable lastFailure, String target, int attempts, Duration elapsed) {
        super(message, lastFailure, target, null, null);
        this.attempts = attempts;
        this.elapsed = elapsed;
    }

    public int attempts() {
        return attempts;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
