package io.opsstack.victoria.ops;

/**
 * Which metric gates a rolling operation applies to vmstorage nodes, chosen explicitly in the
 * request: nothing is skipped silently.
 */
public enum GateProfile {
    /**
     * Real cluster binaries (default). Before each node goes down the rest of the cluster must be
     * healthy: every vminsert reports every other storage node reachable with a connection
     * ({@code vm_rpc_vmstorage_is_reachable=1} and {@code vm_tcpdialer_conns>0}) and not read-only,
     * every vmselect reports them available ({@code vm_tcpdialer_addr_available=1}), no vmstorage is
     * read-only and the rerouting counters stay flat. After its restart a vmstorage must answer
     * {@code /health}, have {@code vm_vminsert_conns}/{@code vm_vmselect_conns} back at the number of
     * vminsert/vmselect nodes listing it, and the whole cluster must pass the same checks; a vminsert or
     * vmselect must report each of its storage nodes reachable again.
     */
    CLUSTER,
    /**
     * Storage nodes are single-node {@code victoria-metrics} processes standing in for vmstorage (e.g.
     * behind vmauth): their {@code /metrics} has no {@code vm_vminsert_conns}/{@code vm_vmselect_conns}
     * and no vminsert or vmselect talks to them. Storage nodes are gated on {@code /health}, not being
     * read-only and free disk above the limit; the vminsert/vmselect checks and the rerouting window are
     * not made (the plan says so). Only valid for restarts of vmstorage nodes.
     */
    SINGLE_NODE_STANDIN
}
