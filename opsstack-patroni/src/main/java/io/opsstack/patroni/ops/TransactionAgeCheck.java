package io.opsstack.patroni.ops;

import java.time.Duration;

/**
 * Reads the age of the oldest open transaction on the primary, e.g. with JDBC:
 * {@code SELECT coalesce(max(now() - xact_start), '0') FROM pg_stat_activity WHERE state <> 'idle'}.
 * The Patroni module has no SQL driver of its own; without a check the switchover skips the
 * {@code no-long-transactions} guard and the plan says so. A long transaction delays the old
 * primary's shutdown during a switchover (Patroni waits for it to end).
 */
public interface TransactionAgeCheck {

    /** The age of the oldest open transaction on the member {@code primary}; zero when there is none. */
    Duration oldestTransactionAge(String primary);
}
