package io.opsstack.victoria.internal.ops;

import java.util.ArrayList;
import java.util.List;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmComponentClient;
import io.opsstack.victoria.internal.HostPort;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.internal.StorageLists;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.FlagSource;

/**
 * Before a membership change: each vminsert's and vmselect's storage list, both in its flag source
 * and on its running {@code /flags}, must be one of the lists the operation allows (the definition's,
 * or the one a half-finished earlier run left). Anything else is refused naming the node, before any
 * change.
 */
final class StorageListCheck {
    private final VictoriaClusterOps ops;
    private final FlagSource flags;
    private final String target;

    StorageListCheck(VictoriaClusterOps ops, FlagSource flags, String target) {
        this.ops = ops;
        this.flags = flags;
        this.target = target;
    }

    /** The node's list in its flag source, with default ports added, after checking both lists are allowed. */
    List<String> require(ComponentType type, String node, List<List<String>> allowed) {
        int defaultPort = type == ComponentType.VMINSERT ? StorageNode.DEFAULT_VMINSERT_PORT : StorageNode.DEFAULT_VMSELECT_PORT;
        List<String> inFile = flags.storageNodes(node).stream().map(address -> HostPort.withDefaultPort(address, defaultPort)).toList();
        VmComponentClient client = type == ComponentType.VMINSERT ? ops.vminsert(node) : ops.vmselect(node);
        NodeReading reading = NodeReading.read(client);
        if (!reading.readable()) {
            throw new OpsValidationException(type.id() + " " + node + " cannot be read, so its storage list cannot be checked: "
                    + reading.error(), target);
        }
        List<String> running = StorageLists.fromFlags(reading.flags(), defaultPort);
        List<String> problems = new ArrayList<>();
        if (!allowed.contains(inFile)) {
            problems.add("its -storageNode in " + flags.location(node) + " is " + inFile);
        }
        if (!allowed.contains(running)) {
            problems.add("it runs with -storageNode " + running + " (/flags)");
        }
        if (!problems.isEmpty()) {
            throw new OpsValidationException(type.id() + " " + node + " disagrees with the cluster definition: "
                    + String.join(" and ", problems) + "; expected " + (allowed.size() == 1 ? allowed.get(0) : "one of " + allowed)
                    + ". Fix the node or the definition first.", target);
        }
        return inFile;
    }

    static List<String> with(List<String> list, String address) {
        List<String> out = new ArrayList<>(list);
        out.add(address);
        return List.copyOf(out);
    }

    static List<String> without(List<String> list, String address) {
        return list.stream().filter(item -> !item.equals(address)).toList();
    }
}
