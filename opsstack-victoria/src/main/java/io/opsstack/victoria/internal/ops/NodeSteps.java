package io.opsstack.victoria.internal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.internal.HostPort;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.FlagSource;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.RolloutSettings;

/**
 * The per-node steps the VictoriaMetrics rolling operations are made of, and how each runs:
 * {@code flags-<node>} (read-verify-write of {@code -storageNode} through the {@link FlagSource}),
 * {@code restart-<node>} (through the {@link ServiceControl}, behind the cluster guards),
 * {@code gate-<node>} (wait until the node is back), {@code start-}/{@code stop-<node>}. Nodes are the
 * definition's names, which the service control and flag source also use.
 */
final class NodeSteps {
    static final String STORAGE_NODE_FLAG = "storageNode";
    private static final Logger LOG = LoggerFactory.getLogger(NodeSteps.class);

    private final VictoriaClusterOps ops;
    private final ServiceControl control;
    private final FlagSource flags;
    private final RolloutSettings settings;
    private final VmGates gates;
    private final String operation;
    private final String target;
    private final Map<String, ComponentType> components = new LinkedHashMap<>();

    /** @param flags null for operations that change no flags */
    NodeSteps(VictoriaClusterOps ops, ServiceControl control, FlagSource flags, RolloutSettings settings, String operation) {
        this.ops = ops;
        this.control = control;
        this.flags = flags;
        this.settings = settings;
        this.gates = new VmGates(ops, settings);
        this.operation = operation;
        this.target = "victoria/" + ops.definition().name();
        ClusterDefinition definition = ops.definition();
        definition.vmstorage().forEach(node -> register(node.name(), ComponentType.VMSTORAGE));
        definition.vminsert().forEach(node -> register(node.name(), ComponentType.VMINSERT));
        definition.vmselect().forEach(node -> register(node.name(), ComponentType.VMSELECT));
    }

    String target() {
        return target;
    }

    VmGates gates() {
        return gates;
    }

    /** The component of a definition node. */
    ComponentType component(String node) {
        ComponentType type = components.get(node);
        if (type == null) {
            throw new OpsValidationException("no vmstorage, vminsert or vmselect named '" + node + "' in cluster "
                    + ops.definition().name() + "; known: " + components.keySet(), target);
        }
        return type;
    }

    PlannedStep.Builder restart(String node) {
        PlannedStep.Builder step = PlannedStep.builder("restart-" + node, StepAction.RESTART, node)
                .description("restart " + component(node).id() + " " + node + " (" + service(node) + ")")
                .disruptive(true).guard(VmGates.GUARD_CLUSTER_HEALTHY);
        if (settings.gateProfile() == GateProfile.CLUSTER && !settings.reroutingWindow().isZero()) {
            step.guard(VmGates.GUARD_REROUTING_FLAT);
        }
        return step;
    }

    PlannedStep.Builder gate(String node) {
        return PlannedStep.builder("gate-" + node, StepAction.WAIT, node)
                .description("wait until " + component(node).id() + " " + node + " is back: " + gateText(component(node)));
    }

    /** Rewrites the node's storage list from {@code before} to {@code after}. */
    PlannedStep.Builder flags(String node, List<String> before, List<String> after) {
        return PlannedStep.builder("flags-" + node, StepAction.UPDATE_SETTING, node)
                .description("set -storageNode of " + component(node).id() + " " + node + " in " + flags.location(node)
                        + " (takes effect at its restart)")
                .change(STORAGE_NODE_FLAG, String.join(",", before), String.join(",", after));
    }

    PlannedStep.Builder start(String node, String service) {
        return PlannedStep.builder("start-" + node, StepAction.START, node)
                .description("start vmstorage " + node + " (" + service + ")").disruptive(true);
    }

    PlannedStep.Builder stop(String node) {
        return PlannedStep.builder("stop-" + node, StepAction.STOP, node)
                .description("stop vmstorage " + node + " (" + service(node) + "); no vminsert or vmselect lists it any more")
                .disruptive(true).guard(VmGates.GUARD_CLUSTER_HEALTHY);
    }

    /** Runs a step this class made; false for a step it does not know. */
    boolean execute(PlannedStep step, StepContext context) {
        String node = step.target();
        switch (step.action()) {
            case RESTART -> control.restart(node, within(settings.serviceTimeout(), context));
            case START -> control.start(node, within(settings.serviceTimeout(), context));
            case STOP -> control.stop(node, within(settings.serviceTimeout(), context));
            case UPDATE_SETTING -> writeStorageList(step);
            case WAIT -> {
                if (!step.id().startsWith("gate-")) {
                    return false;
                }
                ComponentType type = component(node);
                gates.await(type.id() + " " + node + " back", node, () -> gates.nodeProblems(type, node), context);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The guards of these steps (the only guards of the VictoriaMetrics rolling operations). */
    Guard guard(String name) {
        if (VmGates.GUARD_CLUSTER_HEALTHY.equals(name)) {
            return new NamedGuard(name, (step, context) -> gates.restHealthy(step.target()));
        }
        if (VmGates.GUARD_REROUTING_FLAT.equals(name)) {
            return new NamedGuard(name, (step, context) -> gates.reroutingFlat());
        }
        throw new OpsValidationException(operation + " has no guard named '" + name + "'");
    }

    /** Rewrites a member's storage list, restarts it and waits until it is back. */
    void rollOut(Plan.Builder plan, String member, List<String> before, List<String> after) {
        plan.step(flags(member, before, after));
        plan.step(restart(member));
        plan.step(gate(member));
    }

    /** The service state of the nodes, as state facts. */
    Map<String, String> serviceFacts(List<String> nodes) {
        Map<String, String> facts = new TreeMap<>();
        nodes.forEach(node -> facts.put("service." + node, control.state(node).name()));
        return facts;
    }

    /** The storage list in each vminsert's and vmselect's flag source, as state facts. */
    Map<String, String> flagFacts() {
        Map<String, String> facts = new TreeMap<>();
        ops.definition().vminsert().forEach(node -> facts.put("flags." + node.name(), String.join(",", flags.storageNodes(node.name()))));
        ops.definition().vmselect().forEach(node -> facts.put("flags." + node.name(), String.join(",", flags.storageNodes(node.name()))));
        return facts;
    }

    private void writeStorageList(PlannedStep step) {
        String node = step.target();
        String before = step.before().getOrDefault(STORAGE_NODE_FLAG, "");
        String after = step.after().getOrDefault(STORAGE_NODE_FLAG, "");
        String current = currentList(node);
        if (current.equals(after)) {
            LOG.info("-storageNode of {} already reads {} in {}", node, after, flags.location(node));
            return;
        }
        if (!current.equals(before)) {
            throw new PlanStaleException(target, operation, List.of("-storageNode of " + node + " in " + flags.location(node)
                    + " reads '" + current + "', the plan expected '" + before + "'"));
        }
        flags.storageNodes(node, List.of(after.split(",")));
        String written = currentList(node);
        if (!written.equals(after)) {
            throw new OpsException("-storageNode of " + node + " in " + flags.location(node) + " reads '" + written
                    + "' after writing '" + after + "'", null, target, operation, step.id());
        }
    }

    /** The node's list in the flag source with default ports added, as plans record it. */
    private String currentList(String node) {
        int port = component(node) == ComponentType.VMINSERT ? StorageNode.DEFAULT_VMINSERT_PORT : StorageNode.DEFAULT_VMSELECT_PORT;
        return String.join(",", flags.storageNodes(node).stream().map(address -> HostPort.withDefaultPort(address, port)).toList());
    }

    private String service(String node) {
        return switch (component(node)) {
            case VMSTORAGE -> ops.definition().storageNode(node).service();
            default -> ops.definition().node(component(node), node).service();
        };
    }

    private String gateText(ComponentType type) {
        return switch (type) {
            case VMSTORAGE -> settings.gateProfile() == GateProfile.CLUSTER
                    ? "/health, vm_vminsert_conns and vm_vmselect_conns back to the nodes listing it, every vminsert "
                    + "reports it reachable with a connection, every vmselect reports it available"
                    : "/health, not read-only, free disk above the limit (single-node stand-in: no cluster metrics)";
            case VMINSERT -> "/health, vm_rpc_vmstorage_is_reachable=1 with vm_tcpdialer_conns>0 and not read-only for "
                    + "every address of its -storageNode";
            default -> "/health, vm_tcpdialer_addr_available=1 for every address of its -storageNode";
        };
    }

    private void register(String node, ComponentType type) {
        ComponentType previous = components.put(node, type);
        if (previous != null) {
            throw new OpsValidationException("node name '" + node + "' is used by " + previous.id() + " and " + type.id()
                    + "; rolling operations need names unique across components", target);
        }
    }

    /** Nodes of one component in definition order. */
    List<String> nodes(ComponentType type) {
        List<String> names = new ArrayList<>();
        if (type == ComponentType.VMSTORAGE) {
            ops.definition().vmstorage().stream().map(StorageNode::name).forEach(names::add);
        } else {
            ops.definition().nodes(type).stream().map(ClusterNode::name).forEach(names::add);
        }
        return names;
    }

    static Duration within(Duration wanted, StepContext context) {
        return wanted.compareTo(context.remaining()) < 0 ? wanted : context.remaining();
    }
}
