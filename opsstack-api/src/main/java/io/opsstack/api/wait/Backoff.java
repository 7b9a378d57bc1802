package io.opsstack.api.wait;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.opsstack.api.error.OpsValidationException;

/**
 * Delays between the polls of a {@link Waiter}: fixed, or exponential up to a cap, optionally with
 * jitter. With jitter {@code f}, each delay is drawn uniformly from {@code [d * (1 - f), d]}, so
 * the cap still holds and several waiters started together spread out. Immutable.
 */
public final class Backoff implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final double jitter;

    private Backoff(Duration initial, Duration max, double multiplier, double jitter) {
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.jitter = jitter;
    }

    /** The same delay after every poll ({@link Duration#ZERO} polls back to back). */
    public static Backoff fixed(Duration delay) {
        requireNonNegative("delay", delay);
        return new Backoff(delay, delay, 1.0, 0.0);
    }

    /** {@code initial}, then each delay {@code multiplier} times the previous one, never above {@code max}. */
    public static Backoff exponential(Duration initial, Duration max, double multiplier) {
        requireNonNegative("initial", initial);
        requireNonNegative("max", max);
        if (max.compareTo(initial) < 0) {
            throw new OpsValidationException("backoff max " + max + " is below initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new OpsValidationException("backoff multiplier must be a finite number >= 1: " + multiplier);
        }
        return new Backoff(initial, max, multiplier, 0.0);
    }

    /** A copy whose delays are shortened by a random part of up to {@code fraction} (0 to 1). */
    public Backoff withJitter(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new OpsValidationException("jitter fraction must be between 0 and 1: " + fraction);
        }
        return new Backoff(initial, max, multiplier, fraction);
    }

    /** The delay after the {@code attempt}-th poll (1-based). */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current().nextDouble());
    }

    /** As {@link #delay(int)} with the jitter's random draw given, in {@code [0, 1)}. */
    Duration delay(int attempt, double random) {
        if (attempt < 1) {
            throw new OpsValidationException("attempt must be >= 1: " + attempt);
        }
        double grown = initial.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(grown, max.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    public double multiplier() {
        return multiplier;
    }

    /** The jitter fraction; 0 when none. */
    public double jitter() {
        return jitter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Backoff that
                && initial.equals(that.initial) && max.equals(that.max)
                && Double.compare(multiplier, that.multiplier) == 0 && Double.compare(jitter, that.jitter) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, max, multiplier, jitter);
    }

    @Override
    public String toString() {
        String shape = multiplier == 1.0 && initial.equals(max)
                ? "fixed " + initial
                : "exponential " + initial + " x" + multiplier + " up to " + max;
        return "Backoff[" + shape + (jitter > 0 ? ", jitter " + jitter : "") + "]";
    }

    private static void requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new OpsValidationException("backoff " + name + " must not be negative: " + value);
        }
    }
}
