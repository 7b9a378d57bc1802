package io.opsstack.ssh.internal.rolling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;

/**
 * The per-node steps both rolling operations are made of (stop, start, restart, gate, pause), how
 * each is executed, and the guard that keeps the unavailable budget: every node outside the ones
 * being cycled must pass its gates before a node goes down.
 */
final class HostActions {
    static final String GUARD_OTHERS_HEALTHY = "other-nodes-healthy";
    private static final Logger LOG = LoggerFactory.getLogger(HostActions.class);
    private static final String GATE = "gate-";
    private static final String PAUSE = "pause-after-";

    private final ServiceNodes nodes;
    private final ServiceControl control;
    private final GateRunner gates;
    private final Duration serviceTimeout;
    private final Duration pause;
    private final String operationTarget;

    HostActions(ServiceNodes nodes, ServiceControl control, GateRunner gates, Duration serviceTimeout, Duration pause,
                String operationTarget) {
        this.nodes = nodes;
        this.control = control;
        this.gates = gates;
        this.serviceTimeout = serviceTimeout;
        this.pause = pause;
        this.operationTarget = operationTarget;
    }

    PlannedStep.Builder stop(ServiceNode node, String parallelGroup) {
        return PlannedStep.builder("stop-" + node.node(), StepAction.STOP, node.node())
                .description("stop " + node.service() + " on " + node.node() + " (" + node.target() + ")")
                .disruptive(true).parallelGroup(parallelGroup).guard(GUARD_OTHERS_HEALTHY);
    }

    PlannedStep.Builder start(ServiceNode node, String parallelGroup) {
        return PlannedStep.builder("start-" + node.node(), StepAction.START, node.node())
                .description("start " + node.service() + " on " + node.node() + " (" + node.target() + ")")
                .disruptive(true).parallelGroup(parallelGroup);
    }

    PlannedStep.Builder restart(ServiceNode node, String parallelGroup) {
        return PlannedStep.builder("restart-" + node.node(), StepAction.RESTART, node.node())
                .description("restart " + node.service() + " on " + node.node() + " (" + node.target() + ")")
                .disruptive(true).parallelGroup(parallelGroup).guard(GUARD_OTHERS_HEALTHY);
    }

    /** Waits for the node's gates; {@code verb} says why, e.g. "check" for a reference node. */
    PlannedStep.Builder gate(ServiceNode node, String parallelGroup, String verb) {
        String what = gates.names().isEmpty() ? "no health gates configured: moves on without checking "
                + node.node() : verb + " " + node.node() + " against its health gates " + gates.describe(node);
        return PlannedStep.builder(GATE + node.node(), StepAction.WAIT, node.node())
                .description(what).parallelGroup(parallelGroup);
    }

    PlannedStep.Builder pause(ServiceNode after) {
        return PlannedStep.builder(PAUSE + after.node(), StepAction.WAIT, after.node())
                .description("pause " + pause + " before the next node");
    }

    boolean pauses() {
        return !pause.isZero();
    }

    /** Runs a step this class made; false for a step it does not know. */
    boolean execute(PlannedStep step, StepContext context) {
        switch (step.action()) {
            case STOP -> control.stop(step.target(), within(serviceTimeout, context));
            case START -> control.start(step.target(), within(serviceTimeout, context));
            case RESTART -> control.restart(step.target(), within(serviceTimeout, context));
            case WAIT -> {
                if (step.id().startsWith(GATE)) {
                    gates.awaitAll(nodes.get(step.target()), context, operationTarget);
                } else if (step.id().startsWith(PAUSE)) {
                    sleep(context);
                } else {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The budget guard for a step on a node of {@code cycled}: every other node is healthy now. */
    GuardResult othersHealthy(Collection<String> cycled) {
        List<ServiceNode> others = new ArrayList<>();
        nodes.nodes().stream().filter(node -> !cycled.contains(node.node())).forEach(others::add);
        return gates.probeOnce(others);
    }

    /** The service state of every node, as state facts of a plan. */
    Map<String, String> serviceFacts() {
        Map<String, String> facts = new TreeMap<>();
        for (ServiceNode node : nodes.nodes()) {
            facts.put("node." + node.node() + ".service", control.state(node.node()).name());
        }
        return facts;
    }

    /** {@code wanted}, cut to the time left before the apply's timeout. */
    static Duration within(Duration wanted, StepContext context) {
        return wanted.compareTo(context.remaining()) < 0 ? wanted : context.remaining();
    }

    private void sleep(StepContext context) {
        Duration wait = within(pause, context);
        context.waiting("pausing " + wait + " before the next node");
        LOG.info("pausing {} before the next node", wait);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("the pause between nodes", e);
        }
    }
}
