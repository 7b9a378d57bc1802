package io.opsstack.api.internal.resilience;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.http.RetryObserver;
import io.opsstack.api.http.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs attempts under a {@link RetryPolicy} with a Resilience4j {@link Retry}: an outcome marked
 * retryable is tried again after the policy's backoff (or the server's {@code Retry-After}) until
 * the attempts run out; the last outcome is returned either way. Every retry is logged at DEBUG and
 * reported to the observer before the wait.
 */
public final class RetryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RetryRunner.class);

    private final String name;
    private final RetryObserver observer;

    /**
     * @param name names the Retry instances (e.g. {@code opsstack.opensearch})
     * @param observer told about every retry; may be null
     */
    public RetryRunner(String name, RetryObserver observer) {
        this.name = name;
        this.observer = observer;
    }

    /**
     * @param what describes the call in log lines (already redacted)
     * @param attempt makes one attempt; it must not throw for failures the policy may retry
     */
    public <T extends AttemptOutcome> T run(RetryPolicy policy, String what, Supplier<T> attempt) {
        if (policy.maxAttempts() == 1) {
            return attempt.get();
        }
        Retry retry = Retry.of(name, RetryConfig.<T>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(AttemptOutcome::retryable)
                .retryOnException(exception -> false)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((failedAttempt, outcome) -> Backoff.delay(policy, failedAttempt,
                        outcome.get().retryAfter(), ThreadLocalRandom.current().nextDouble()).toMillis())
                .build());
        AtomicReference<T> last = new AtomicReference<>();
        retry.getEventPublisher().onRetry(event ->
                report(what, last.get(), event.getNumberOfRetryAttempts(), event.getWaitInterval()));
        try {
            return retry.executeSupplier(() -> {
                T outcome = attempt.get();
                last.set(outcome);
                return outcome;
            });
        } catch (CancellationException e) {
            InterruptedException interruption = e.getCause() instanceof InterruptedException ie ? ie : new InterruptedException();
            throw OpsCancelledException.interrupted("waiting to retry " + what, interruption);
        }
    }

    private void report(String what, AttemptOutcome outcome, int failedAttempt, Duration delay) {
        LOG.debug("retrying {}: attempt {} on {} failed ({}), next attempt in {} ms", what, failedAttempt,
                outcome.endpoint(), outcome.cause(), delay.toMillis());
        if (observer == null) {
            return;
        }
        try {
            observer.onRetry(outcome.endpoint(), failedAttempt, delay, outcome.cause());
        } catch (RuntimeException e) {
            LOG.warn("retry observer {} failed; continuing", observer.getClass().getName(), e);
        }
    }
}
