package io.opsstack.api.lease;

import java.time.Instant;

/**
 * Exclusive right to operate on a target until {@link #expiresAt()}. The apply engine renews it in
 * the background and releases it at the end, also on failure.
 */
public interface Lease {

    String target();

    /** Who holds it (by default host, process id and thread). */
    String holder();

    /** The operation id of the apply holding it. */
    String operationId();

    /** When it lapses unless renewed. */
    Instant expiresAt();

    /**
     * Extends the lease by its time-to-live from now.
     *
     * @throws io.opsstack.api.error.LeaseHeldException if it expired and someone else took it over
     */
    void renew();

    /** Gives the lease up; does nothing if it was already released or taken over. */
    void release();
}
