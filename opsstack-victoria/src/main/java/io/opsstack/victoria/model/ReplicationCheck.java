package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * The {@code 2·RF−1} rule of the VictoriaMetrics cluster docs: with {@code -replicationFactor=N},
 * at least {@code 2N−1} vmstorage nodes are needed to keep N copies of new data while N−1 nodes are
 * down. With RF=1 every vmstorage loss hides that node's data (queries turn partial).
 *
 * @param storageNodes        vmstorage nodes in the cluster
 * @param replicationFactor   copies vminsert writes
 * @param requiredNodes       {@code 2·RF−1}
 * @param satisfied           {@code storageNodes >= requiredNodes}
 * @param toleratedNodeLosses nodes that may be down while every sample stays readable and new data keeps
 *                            RF copies: {@code RF−1} when satisfied, else as many as still leave RF live nodes
 * @param message             the verdict in one sentence
 */
public record ReplicationCheck(int storageNodes, int replicationFactor, int requiredNodes, boolean satisfied,
                               int toleratedNodeLosses, String message) implements Serializable {

    public ReplicationCheck {
        if (storageNodes < 1 || replicationFactor < 1) {
            throw new OpsValidationException("storage nodes and replication factor must be at least 1");
        }
        if (message == null) {
            throw new OpsValidationException("message must not be null");
        }
    }

    /**
     * Evaluates the rule.
     *
     * @throws OpsValidationException if the replication factor exceeds the node count (vminsert cannot
     *                                place the copies on distinct nodes)
     */
    public static ReplicationCheck evaluate(int storageNodes, int replicationFactor) {
        if (replicationFactor < 1) {
            throw new OpsValidationException("replication factor must be at least 1, was " + replicationFactor);
        }
        if (storageNodes < replicationFactor) {
            throw new OpsValidationException("replication factor " + replicationFactor + " needs at least "
                    + replicationFactor + " vmstorage nodes, have " + storageNodes);
        }
        int required = 2 * replicationFactor - 1;
        boolean satisfied = storageNodes >= required;
        int tolerated = satisfied ? replicationFactor - 1 : Math.min(replicationFactor - 1, storageNodes - replicationFactor);
        String message;
        if (replicationFactor == 1) {
            message = "replication factor 1: losing any of the " + storageNodes
                    + " vmstorage nodes hides its data until it returns (queries become partial)";
        } else if (satisfied) {
            message = "replication factor " + replicationFactor + " with " + storageNodes + " vmstorage nodes (>= 2*RF-1 = "
                    + required + "): " + tolerated + " node(s) may be down while new data keeps " + replicationFactor + " copies";
        } else {
            message = "replication factor " + replicationFactor + " needs 2*RF-1 = " + required + " vmstorage nodes to keep "
                    + replicationFactor + " copies of new data while " + (replicationFactor - 1) + " are down; have only "
                    + storageNodes;
        }
        return new ReplicationCheck(storageNodes, replicationFactor, required, satisfied, tolerated, message);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("storage_nodes", storageNodes);
        map.put("replication_factor", replicationFactor);
        map.put("required_nodes", requiredNodes);
        map.put("satisfied", satisfied);
        map.put("tolerated_node_losses", toleratedNodeLosses);
        map.put("message", message);
        return map;
    }
}
