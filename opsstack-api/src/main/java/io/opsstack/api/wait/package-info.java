/**
 * Waiters: poll a condition until it is reached, fails, or the time or attempt budget runs out.
 * Waiting is not retrying: a waiter expects the answer to change over time (cluster turning green,
 * a new leader), while retries (elsewhere) repeat one call after a transient failure.
 *
 * <p><b>Supported public API.</b> Entry points: {@link io.opsstack.api.wait.Waiter#builder()},
 * {@link io.opsstack.api.wait.Backoff}, {@link io.opsstack.api.wait.Conditions}. Package-private
 * classes are implementation details.
 *
 * <p>Null policy: non-null unless documented otherwise; polled values may be null and are then
 * passed to conditions as null.
 *
 * <p>Thread safety: {@link io.opsstack.api.wait.Waiter} and {@link io.opsstack.api.wait.Backoff}
 * are immutable; a waiter may be awaited from several threads at once if its poller and
 * conditions allow it. Builders are not thread-safe.
 */
package io.opsstack.api.wait;
