package io.opsstack.victoria.model;

/**
 * Whether a cluster answer is complete. vmselect sets {@code "isPartial": true} when some vmstorage
 * nodes did not answer; single-node responses carry no such field.
 */
public enum PartialStatus {
    /** {@code "isPartial": false}. */
    COMPLETE,
    /** {@code "isPartial": true}: some vmstorage nodes are missing from the answer. */
    PARTIAL,
    /** The response has no {@code isPartial} field (single-node, or an endpoint that never sets it). */
    NOT_REPORTED;

    public static PartialStatus of(Boolean isPartial) {
        return isPartial == null ? NOT_REPORTED : isPartial ? PARTIAL : COMPLETE;
    }
}
