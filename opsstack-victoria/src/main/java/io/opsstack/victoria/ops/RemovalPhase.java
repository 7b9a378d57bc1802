package io.opsstack.victoria.ops;

/** The two applies of a vmstorage removal, separated by the node's retention period. */
public enum RemovalPhase {
    /** Stop writing to the node: drop it from every vminsert's {@code -storageNode}, one vminsert at a time. */
    FROM_VMINSERT,
    /**
     * Stop reading it: drop it from every vmselect once its data is past retention (or was re-ingested
     * elsewhere), one vmselect at a time, then stop the node.
     */
    FROM_VMSELECT
}
