package io.opsstack.victoria.internal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmComponentClient;
import io.opsstack.victoria.internal.HealthRules;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.internal.StorageLists;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageLink;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.RolloutSettings;

/**
 * The health checks of the rolling operations, read from {@code /health}, {@code /flags} and
 * {@code /metrics} with {@link HealthRules}: "the rest of the cluster is healthy" before a node goes
 * down, and "the node is back" after its restart. Storage lists come from each vminsert's and
 * vmselect's running {@code /flags}, so the checks follow a membership change as it rolls out.
 * Thread-safe apart from the rerouting sample cache, used from the apply thread only.
 */
final class VmGates {
    static final String GUARD_CLUSTER_HEALTHY = "vm-cluster-healthy";
    static final String GUARD_REROUTING_FLAT = "vm-rerouting-flat";
    private static final List<String> REROUTING_COUNTERS = List.of("vm_rpc_reroutes_total",
            "vm_rpc_rows_rerouted_from_here_total");

    private final VictoriaClusterOps ops;
    private final ClusterDefinition definition;
    private final RolloutSettings settings;
    private long flatVerdictUntil;
    private GuardResult flatVerdict;

    VmGates(VictoriaClusterOps ops, RolloutSettings settings) {
        this.ops = ops;
        this.definition = ops.definition();
        this.settings = settings;
    }

    /**
     * Problems of every node except {@code except} (a node name, or null), ignoring the links to
     * {@code except} when it is a storage node: the state a node may be taken down in.
     */
    List<String> clusterProblems(String except) {
        List<String> problems = new ArrayList<>();
        Set<String> skipped = except == null ? Set.of() : Set.of(except);
        if (settings.gateProfile() == GateProfile.CLUSTER) {
            for (ClusterNode node : definition.vminsert()) {
                if (!node.name().equals(except)) {
                    problems.addAll(linkProblems(HealthRules.vminsert(node.name(), node.httpAddress(),
                            NodeReading.read(ops.vminsert(node.name())), definition), skipped));
                }
            }
            for (ClusterNode node : definition.vmselect()) {
                if (!node.name().equals(except)) {
                    problems.addAll(linkProblems(HealthRules.vmselect(node.name(), node.httpAddress(),
                            NodeReading.read(ops.vmselect(node.name())), definition), skipped));
                }
            }
        }
        for (StorageNode node : definition.vmstorage()) {
            if (!node.name().equals(except)) {
                problems.addAll(storageProblems(node, ops.vmstorage(node.name()), except));
            }
        }
        return problems;
    }

    /** Problems of a restarted node: is it back and, for a storage node, is it used again by everyone. */
    List<String> nodeProblems(ComponentType type, String node) {
        return switch (type) {
            case VMSTORAGE -> settings.gateProfile() == GateProfile.CLUSTER ? clusterProblems(null)
                    : storageProblems(definition.storageNode(node), ops.vmstorage(node), null);
            case VMINSERT -> linkProblems(HealthRules.vminsert(node, definition.node(type, node).httpAddress(),
                    NodeReading.read(ops.vminsert(node)), definition), Set.of());
            case VMSELECT -> linkProblems(HealthRules.vmselect(node, definition.node(type, node).httpAddress(),
                    NodeReading.read(ops.vmselect(node)), definition), Set.of());
            default -> throw new IllegalArgumentException("no gate for " + type.id());
        };
    }

    /**
     * A storage node's own problems: {@code /health}, read-only, free disk, and (cluster profile) its
     * {@code vm_vminsert_conns}/{@code vm_vmselect_conns} against the vminsert/vmselect nodes other
     * than {@code except} that list it.
     */
    List<String> storageProblems(StorageNode node, VmComponentClient client, String except) {
        NodeReading reading = NodeReading.read(client);
        String who = "vmstorage " + node.name();
        if (settings.gateProfile() == GateProfile.SINGLE_NODE_STANDIN) {
            return prefixed(who, HealthRules.vmstorage(node, reading, 0).problems());
        }
        int inserts = 0;
        for (ClusterNode insert : definition.vminsert()) {
            if (!insert.name().equals(except) && lists(ops.vminsert(insert.name()), node.vminsertAddress(), true)) {
                inserts++;
            }
        }
        int selects = 0;
        for (ClusterNode select : definition.vmselect()) {
            if (!select.name().equals(except) && lists(ops.vmselect(select.name()), node.vmselectAddress(), false)) {
                selects++;
            }
        }
        List<String> problems = new ArrayList<>(HealthRules.vmstorage(node, reading, inserts).problems());
        if (reading.readable()) {
            OptionalDouble selectConns = reading.metrics().value("vm_vmselect_conns");
            if (selectConns.isEmpty() && selects > 0) {
                problems.add("no vm_vmselect_conns on /metrics (a single-node stand-in needs gate profile single_node_standin)");
            } else if (selectConns.isPresent() && selectConns.getAsDouble() < selects) {
                problems.add((long) selectConns.getAsDouble() + " of " + selects + " vmselect nodes connected (vm_vmselect_conns)");
            }
            if (reading.metrics().value("vm_vminsert_conns").isEmpty() && inserts > 0) {
                problems.add("no vm_vminsert_conns on /metrics (a single-node stand-in needs gate profile single_node_standin)");
            }
        }
        return prefixed(who, problems);
    }

    /** The guard before a node goes down: everything but the node is healthy. */
    GuardResult restHealthy(String node) {
        List<String> problems = clusterProblems(node);
        return problems.isEmpty() ? GuardResult.pass("every other node is healthy")
                : GuardResult.fail(String.join("; ", problems));
    }

    /**
     * The guard that no vminsert is rerouting: the summed rerouting counters do not grow over the
     * window. A verdict is reused for one window, so planning many steps samples once.
     */
    GuardResult reroutingFlat() {
        if (settings.reroutingWindow().isZero()) {
            return GuardResult.pass("rerouting window is zero: not checked");
        }
        if (flatVerdict != null && System.nanoTime() < flatVerdictUntil) {
            return flatVerdict;
        }
        double before = reroutedRows();
        sleep(settings.reroutingWindow());
        double after = reroutedRows();
        flatVerdict = after <= before ? GuardResult.pass("rerouting counters flat over " + settings.reroutingWindow())
                : GuardResult.fail("vminsert nodes rerouted " + (long) (after - before) + " rows in the last "
                + settings.reroutingWindow() + ": a storage node is or was just unavailable");
        flatVerdictUntil = System.nanoTime() + settings.reroutingWindow().toNanos();
        return flatVerdict;
    }

    /** Waits until {@code problems} reports none, polling at the settings' interval up to the gate timeout. */
    void await(String what, String target, ProblemSource problems, StepContext context) {
        Duration timeout = settings.gateTimeout().compareTo(context.remaining()) < 0 ? settings.gateTimeout() : context.remaining();
        Waiter.<List<String>>builder()
                .poll(problems::read)
                .successWhen(List::isEmpty)
                .retryWhen(found -> true)
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(settings.pollInterval()))
                .timeout(timeout)
                .description(what)
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    /** A poll of a gate: the problems found now. */
    interface ProblemSource {
        List<String> read();
    }

    private double reroutedRows() {
        double total = 0;
        for (ClusterNode node : definition.vminsert()) {
            NodeReading reading = NodeReading.read(ops.vminsert(node.name()));
            if (reading.readable()) {
                for (String counter : REROUTING_COUNTERS) {
                    total += reading.metrics().sum(counter);
                }
            }
        }
        return total;
    }

    private boolean lists(VmComponentClient client, String address, boolean vminsert) {
        NodeReading reading = NodeReading.read(client);
        if (!reading.readable()) {
            return false;
        }
        List<String> list = vminsert ? StorageLists.vminsert(reading.flags(), definition)
                : StorageLists.vmselect(reading.flags(), definition);
        return list.contains(address);
    }

    /** The component's problems without those of its links to {@code skipped} storage nodes. */
    private static List<String> linkProblems(ComponentHealth health, Set<String> skipped) {
        List<String> problems = new ArrayList<>();
        for (String problem : health.problems()) {
            if (!problem.startsWith("vmstorage ")) {
                problems.add(problem);
            }
        }
        for (StorageLink link : health.storageLinks()) {
            if (!link.healthy() && !skipped.contains(link.storageNode())) {
                problems.add("vmstorage " + link.address() + (link.storageNode().isEmpty() ? "" : " (" + link.storageNode() + ")")
                        + ": " + link.reason());
            }
        }
        return prefixed(health.type().id() + " " + health.node(), problems);
    }

    private static List<String> prefixed(String who, List<String> problems) {
        return problems.stream().map(problem -> who + ": " + problem).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("the rerouting window", e);
        }
    }
}
