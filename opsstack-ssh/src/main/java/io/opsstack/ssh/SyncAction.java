package io.opsstack.ssh;

/** What a {@link SyncPlan} does with one file. */
public enum SyncAction {
    /** Missing on the target: copied. */
    ADD,
    /** Content (size or SHA-256) or permissions differ: copied over. */
    UPDATE,
    /** Only on the target, and extras are deleted: removed. */
    DELETE,
    /** Identical (or an extra that is kept): left alone. */
    UNCHANGED
}
