package io.opsstack.api.error;

import java.time.Instant;

/** Another apply holds the lease on the target: the same target is never operated on twice at once. */
public class LeaseHeldException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final String holder;
    private final String holderOperationId;
    private final Instant expiresAt;

    public LeaseHeldException(String target, String holder, String holderOperationId, Instant expiresAt) {
        super("target " + target + " is leased by " + holder + " for operation " + holderOperationId
                + " until " + expiresAt + "; wait for it to finish or, if it died, for the lease to expire",
                null, target, null, null);
        this.holder = holder;
        this.holderOperationId = holderOperationId;
        this.expiresAt = expiresAt;
    }

    /** Who holds the lease (by default host, process id and thread). */
    public String holder() {
        return holder;
    }

    /** The operation id of the apply holding the lease. */
    public String holderOperationId() {
        return holderOperationId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
