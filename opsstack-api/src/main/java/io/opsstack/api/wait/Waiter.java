package io.opsstack.api.wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitFailedException;
import io.opsstack.api.error.WaitTimeoutException;

/**
 * Polls until a condition is reached. Acceptors are checked in declaration order after every poll;
 * the first match decides: success, retry or failure. A value no acceptor matches means retry; an
 * exception no acceptor matches means failure. Between polls the waiter sleeps per its
 * {@link Backoff}, never past the deadline: the last sleep is cut short so that one final poll runs
 * at the deadline.
 *
 * <pre>{@code
 * WaitResult<String> result = Waiter.builder(() -> client.health())
 *         .description("cluster green")
 *         .successWhen(Conditions.equalTo("green"))
 *         .failWhen(Conditions.equalTo("red"), "cluster turned red")
 *         .retryOnException(OpsConnectException.class)
 *         .timeout(Duration.ofMinutes(5))
 *         .build()
 *         .await();
 * }</pre>
 *
 * <p>A poll is never interrupted by the waiter: give it its own call timeout. An exception thrown
 * by a condition (a bug in it) propagates unchanged. Immutable; each
 * {@link #await()} or {@link #run()} is an independent wait.
 */
public final class Waiter<T> {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Backoff DEFAULT_BACKOFF =
            Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0);

    final Poller<T> poller;
    final List<Acceptor<T>> acceptors;
    final int maxAttempts;
    final Duration timeout;
    final Backoff backoff;
    final String description;
    final String target;
    final WaitObserver observer;
    final WaitClock clock;
    final DoubleSupplier random;

    private Waiter(Builder<T> builder) {
        this.poller = Objects.requireNonNull(builder.poller, "poller: call poll(...) before build()");
        if (builder.acceptors.isEmpty()) {
            throw new OpsValidationException("a waiter needs at least one acceptor, e.g. successWhen(...)");
        }
        this.acceptors = List.copyOf(builder.acceptors);
        this.maxAttempts = builder.maxAttempts;
        this.timeout = builder.timeout;
        this.backoff = builder.backoff;
        this.description = builder.description;
        this.target = builder.target;
        this.observer = builder.observer;
        this.clock = builder.clock;
        this.random = builder.random;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** A builder polling {@code poller}; lets Java infer {@code T} for the conditions that follow. */
    public static <T> Builder<T> builder(Poller<T> poller) {
        return new Builder<T>().poll(poller);
    }

    public Builder<T> toBuilder() {
        Builder<T> builder = new Builder<T>()
                .poll(poller)
                .maxAttempts(maxAttempts)
                .timeout(timeout)
                .backoff(backoff)
                .description(description)
                .target(target)
                .observer(observer)
                .clock(clock)
                .random(random);
        builder.acceptors.addAll(acceptors);
        return builder;
    }

    /**
     * Waits and returns the successful result.
     *
     * @throws WaitFailedException   a failure acceptor matched (its reason is the message), or the poll
     *                               threw an exception no acceptor matched (the cause)
     * @throws WaitTimeoutException  the deadline passed or the attempts ran out; the cause is the last
     *                               exception polled, if any
     * @throws OpsCancelledException the thread was interrupted (the interrupt flag stays set)
     */
    public WaitResult<T> await() {
        WaitResult<T> result = run();
        String message = "waiting for " + result.summary();
        switch (result.outcome()) {
            case SUCCESS:
                return result;
            case FAILED:
                throw new WaitFailedException(message, result.exception(), target, result.attempts());
            default:
                throw new WaitTimeoutException(message, result.exception(), target, result.attempts(),
                        result.elapsed());
        }
    }

    /**
     * Waits and returns the result whatever the outcome, for scripts that branch on it.
     *
     * @throws OpsCancelledException the thread was interrupted (the interrupt flag stays set)
     */
    public WaitResult<T> run() {
        return new WaitRun<>(this).execute();
    }

    @Override
    public String toString() {
        return "Waiter[" + description + ", timeout=" + timeout + ", maxAttempts="
                + (maxAttempts == Integer.MAX_VALUE ? "unlimited" : maxAttempts) + ", " + backoff + "]";
    }

    /** Configures a {@link Waiter}; not thread-safe. */
    public static final class Builder<T> {
        private Poller<T> poller;
        private final List<Acceptor<T>> acceptors = new ArrayList<>();
        private int maxAttempts = Integer.MAX_VALUE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Backoff backoff = DEFAULT_BACKOFF;
        private String description = "condition";
        private String target;
        private WaitObserver observer;
        private WaitClock clock = WaitClock.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** What to poll. Required. */
        public Builder<T> poll(Poller<T> poller) {
            this.poller = Objects.requireNonNull(poller, "poller");
            return this;
        }

        /** The wait succeeds when a polled value matches. */
        public Builder<T> successWhen(Condition<T> condition) {
            return addValueAcceptor(Acceptor.Action.SUCCESS, condition, null);
        }

        /** Poll again when a polled value matches (also what happens when no acceptor matches a value). */
        public Builder<T> retryWhen(Condition<T> condition) {
            return addValueAcceptor(Acceptor.Action.RETRY, condition, null);
        }

        /** The wait fails with {@code reason} when a polled value matches. */
        public Builder<T> failWhen(Condition<T> condition, String reason) {
            return addValueAcceptor(Acceptor.Action.FAIL, condition, Objects.requireNonNull(reason, "reason"));
        }

        /** The wait succeeds when the poll throws this type, e.g. "not found" while waiting for a deletion. */
        public Builder<T> successOnException(Class<? extends Exception> type) {
            return addExceptionAcceptor(Acceptor.Action.SUCCESS, type, null);
        }

        /** Poll again when the poll throws this type (any other unmatched exception fails the wait). */
        public Builder<T> retryOnException(Class<? extends Exception> type) {
            return addExceptionAcceptor(Acceptor.Action.RETRY, type, null);
        }

        /** The wait fails with {@code reason} when the poll throws this type. */
        public Builder<T> failOnException(Class<? extends Exception> type, String reason) {
            return addExceptionAcceptor(Acceptor.Action.FAIL, type, Objects.requireNonNull(reason, "reason"));
        }

        /** Most polls to make. Default: unlimited (the timeout bounds the wait). */
        public Builder<T> maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new OpsValidationException("maxAttempts must be >= 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Overall deadline from the start of the wait. Default: 5 minutes. */
        public Builder<T> timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new OpsValidationException("timeout must not be negative: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Delays between polls. Default: {@link #DEFAULT_BACKOFF} (500 ms doubling up to 10 s). */
        public Builder<T> backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** What is awaited, for messages and observers, e.g. "cluster pg-a has a leader". */
        public Builder<T> description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The cluster, node or endpoint waited on, carried by the exceptions; optional. */
        public Builder<T> target(String target) {
            this.target = target;
            return this;
        }

        /** Told about every poll; optional. */
        public Builder<T> observer(WaitObserver observer) {
            this.observer = observer;
            return this;
        }

        Builder<T> clock(WaitClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Source of the jitter's random draws, in {@code [0, 1)}. */
        Builder<T> random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Waiter<T> build() {
            return new Waiter<>(this);
        }

        private Builder<T> addValueAcceptor(Acceptor.Action action, Condition<T> condition, String reason) {
            acceptors.add(new Acceptor<>(action, Objects.requireNonNull(condition, "condition"), null, reason));
            return this;
        }

        private Builder<T> addExceptionAcceptor(Acceptor.Action action, Class<? extends Exception> type,
                                                String reason) {
            acceptors.add(new Acceptor<>(action, null, Objects.requireNonNull(type, "exception type"), reason));
            return this;
        }
    }
}
