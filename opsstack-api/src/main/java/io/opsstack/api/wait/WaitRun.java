package io.opsstack.api.wait;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;

/** One execution of a {@link Waiter}: the poll, match and sleep loop. */
final class WaitRun<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Waiter.class);

    private final Waiter<T> waiter;
    private final long start;
    private final long deadline;
    private T lastValue;
    private Exception lastException;
    private boolean lastAttemptThrew;

    WaitRun(Waiter<T> waiter) {
        this.waiter = waiter;
        this.start = waiter.clock.nanoTime();
        this.deadline = saturatedAdd(start, toNanosSaturated(waiter.timeout));
    }

    WaitResult<T> execute() {
        for (int attempt = 1; ; attempt++) {
            notifyObserver(attempt);
            WaitResult<T> decided = pollOnce(attempt);
            if (decided != null) {
                return decided;
            }
            if (attempt >= waiter.maxAttempts) {
                return timedOut(attempt, "all " + waiter.maxAttempts + " attempts made");
            }
            long remaining = deadline - waiter.clock.nanoTime();
            if (remaining <= 0) {
                return timedOut(attempt, "timeout of " + waiter.timeout + " reached");
            }
            Duration delay = waiter.backoff.delay(attempt, waiter.random.getAsDouble());
            sleep(delay.toNanos() < remaining ? delay : Duration.ofNanos(remaining));
        }
    }

    /** Polls and applies the acceptors; returns the final result, or null to retry. */
    private WaitResult<T> pollOnce(int attempt) {
        T value;
        try {
            value = waiter.poller.poll();
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for " + waiter.description, e);
        } catch (OpsCancelledException e) {
            throw e;
        } catch (Exception e) {
            return onException(attempt, e);
        }
        lastValue = value;
        lastAttemptThrew = false;
        for (Acceptor<T> acceptor : waiter.acceptors) {
            if (acceptor.matchesValue(value)) {
                return decide(acceptor, attempt, value, null);
            }
        }
        return null;
    }

    private WaitResult<T> onException(int attempt, Exception exception) {
        lastException = exception;
        lastAttemptThrew = true;
        for (Acceptor<T> acceptor : waiter.acceptors) {
            if (acceptor.matchesException(exception)) {
                return decide(acceptor, attempt, null, exception);
            }
        }
        return result(WaitOutcome.FAILED, attempt, null, exception,
                "unexpected exception " + exception.getClass().getSimpleName() + " matched no acceptor");
    }

    private WaitResult<T> decide(Acceptor<T> acceptor, int attempt, T value, Exception exception) {
        switch (acceptor.action()) {
            case SUCCESS:
                return result(WaitOutcome.SUCCESS, attempt, value, exception, null);
            case FAIL:
                return result(WaitOutcome.FAILED, attempt, value, exception,
                        acceptor.reason() + " (" + acceptor.describe() + ")");
            default:
                return null;
        }
    }

    private WaitResult<T> timedOut(int attempts, String why) {
        String reason = why + "; last attempt " + (lastAttemptThrew ? "threw" : "returned a value");
        return result(WaitOutcome.TIMED_OUT, attempts, lastValue, lastException, reason);
    }

    private WaitResult<T> result(WaitOutcome outcome, int attempts, T value, Throwable exception, String reason) {
        return new WaitResult<>(outcome, waiter.description, value, exception, reason, attempts, elapsed());
    }

    private void notifyObserver(int attempt) {
        if (waiter.observer == null) {
            return;
        }
        try {
            waiter.observer.onPoll(attempt, elapsed(), waiter.description);
        } catch (RuntimeException e) {
            // An observer reports progress; it must never change how the wait ends.
            LOG.warn("wait observer failed on attempt {} of '{}'", attempt, waiter.description, e);
        }
    }

    private void sleep(Duration duration) {
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            waiter.clock.sleep(duration);
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for " + waiter.description, e);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(waiter.clock.nanoTime() - start);
    }

    private static long toNanosSaturated(Duration duration) {
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
