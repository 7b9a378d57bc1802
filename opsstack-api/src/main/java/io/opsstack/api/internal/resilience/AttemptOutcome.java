package io.opsstack.api.internal.resilience;

import java.time.Duration;
import java.util.Optional;

/** What the retry loop needs to know about one finished attempt. */
public interface AttemptOutcome {
    /** Whether another attempt may help (and is safe for this request). */
    boolean retryable();

    /** The wait the server asked for ({@code Retry-After}), if any. */
    Optional<Duration> retryAfter();

    /** The endpoint the attempt went to, for reports. */
    String endpoint();

    /** Short redacted description of the failure, e.g. {@code HTTP 503}; empty on success. */
    String cause();
}
