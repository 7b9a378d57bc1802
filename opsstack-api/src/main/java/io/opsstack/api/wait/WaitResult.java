package io.opsstack.api.wait;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.secret.Redaction;

/**
 * How a wait ended. Serializable when the value is.
 *
 * @param outcome     success, failure or timeout
 * @param description the waiter's description
 * @param value       on success or failure, the value the deciding acceptor matched (null if it matched an
 *                    exception); on timeout, the last value polled; null when no poll returned one
 * @param exception   the exception the deciding acceptor matched, or on timeout the last exception thrown;
 *                    null when none
 * @param reason      why the wait failed or timed out; null on success
 * @param attempts    polls made, at least 1
 * @param elapsed     time from the start of the wait to its end
 */
public record WaitResult<T>(WaitOutcome outcome, String description, T value, Throwable exception, String reason,
                            int attempts, Duration elapsed) implements Serializable {
    private static final int VALUE_EXCERPT_CHARS = 200;

    public WaitResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(elapsed, "elapsed");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
        }
        if (outcome != WaitOutcome.SUCCESS && reason == null) {
            throw new IllegalArgumentException("a " + outcome + " result needs a reason");
        }
    }

    public boolean isSuccess() {
        return outcome == WaitOutcome.SUCCESS;
    }

    /**
     * One line for consoles, e.g. {@code cluster green: TIMED_OUT after 5 attempts in 10.000s: deadline
     * of PT10S reached; last value: YELLOW}.
     */
    public String summary() {
        StringBuilder out = new StringBuilder()
                .append(description).append(": ").append(outcome)
                .append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts")
                .append(" in ").append(seconds(elapsed));
        if (reason != null) {
            out.append(": ").append(reason);
        }
        if (value != null) {
            out.append("; value: ").append(valueText());
        }
        if (exception != null) {
            out.append("; exception: ").append(exceptionText());
        }
        return out.toString();
    }

    /** A plain map for scripts and JSON; value and exception as bounded, redacted text. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", outcome.name());
        map.put("description", description);
        map.put("attempts", attempts);
        map.put("elapsedMillis", elapsed.toMillis());
        if (reason != null) {
            map.put("reason", reason);
        }
        if (value != null) {
            map.put("value", valueText());
        }
        if (exception != null) {
            map.put("exception", exceptionText());
        }
        return map;
    }

    private String valueText() {
        return Redaction.excerpt(String.valueOf(value), VALUE_EXCERPT_CHARS);
    }

    private String exceptionText() {
        return Redaction.excerpt(exception.getClass().getName() + ": " + exception.getMessage(), VALUE_EXCERPT_CHARS);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3fs", duration.toNanos() / 1e9);
    }
}
