package io.opsstack.api.internal.resilience;

import io.opsstack.api.http.RetryPolicy;

import java.time.Duration;
import java.util.Optional;

/** The wait before a retry, as documented on {@link RetryPolicy}. */
final class Backoff {
    private Backoff() {
    }

    /**
     * @param failedAttempt 1 for the first attempt
     * @param random a uniform value in [0, 1) choosing the jitter
     */
    static Duration delay(RetryPolicy policy, int failedAttempt, Optional<Duration> retryAfter, double random) {
        long initial = policy.initialBackoff().toMillis();
        long max = policy.maxBackoff().toMillis();
        int doublings = Math.min(failedAttempt - 1, 30);
        long exponential = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        long jittered = Math.round(exponential * (1 - policy.jitter() * random));
        Duration backoff = Duration.ofMillis(jittered);
        if (retryAfter.isEmpty() || retryAfter.get().compareTo(backoff) <= 0) {
            return backoff;
        }
        Duration requested = retryAfter.get();
        return requested.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : requested;
    }
}
