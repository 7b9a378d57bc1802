package io.opsstack.api.lease;

import java.time.Duration;

/**
 * Where leases live. Implementations must make {@link #acquire} atomic: of two concurrent callers
 * for one target, exactly one wins, also across processes for shared stores.
 */
public interface LeaseStore {

    /**
     * Takes the lease on {@code target}. An expired lease of someone else is taken over (logged as a
     * warning).
     *
     * @throws io.opsstack.api.error.LeaseHeldException if someone else holds an unexpired lease
     */
    Lease acquire(String target, String owner, String operationId, Duration ttl);
}
