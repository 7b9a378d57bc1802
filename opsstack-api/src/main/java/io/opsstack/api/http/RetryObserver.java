package io.opsstack.api.http;

import java.time.Duration;

/**
 * Told about every retry before its wait starts (e.g. to emit a {@code StepRetrying} event).
 * Called on the requesting thread; an exception thrown here is logged and otherwise ignored.
 */
public interface RetryObserver {
    /**
     * @param endpoint the endpoint whose attempt failed ({@code scheme://host:port})
     * @param attempt the number of the attempt that failed, 1 for the first
     * @param delay the wait before the next attempt
     * @param cause a short, redacted description such as {@code HTTP 503} or {@code connection refused}
     */
    void onRetry(String endpoint, int attempt, Duration delay, String cause);
}
