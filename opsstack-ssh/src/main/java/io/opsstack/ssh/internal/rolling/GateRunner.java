package io.opsstack.ssh.internal.rolling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.WaitResult;
import io.opsstack.api.wait.Waiter;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.rolling.GateProbe;
import io.opsstack.ssh.rolling.HealthGate;

/** Evaluates health gates: waiting for one node after its start, or one probe of many nodes for a guard. */
final class GateRunner {
    private static final Logger LOG = LoggerFactory.getLogger(GateRunner.class);
    private final SshExecutor ssh;
    private final List<HealthGate> gates;

    GateRunner(SshExecutor ssh, List<HealthGate> gates) {
        this.ssh = ssh;
        this.gates = List.copyOf(gates);
    }

    List<HealthGate> gates() {
        return gates;
    }

    /**
     * Waits, gate after gate, until the node passes each one within the gate's timeout.
     *
     * @throws UnsafeOperationException naming the first gate the node did not pass and why
     */
    void awaitAll(ServiceNode node, StepContext context, String operationTarget) {
        for (HealthGate gate : gates) {
            context.waiting("health gate " + gate.name() + " on " + node.node() + ": " + gate.describe(node));
            Duration timeout = HostActions.within(gate.timeout(), context);
            WaitResult<GateProbe> result = Waiter.<GateProbe>builder(() -> gate.probe(node, ssh))
                    .successWhen(GateProbe::passed)
                    .backoff(Backoff.fixed(gate.pollInterval()))
                    .timeout(timeout)
                    .description("health gate " + gate.name() + " on " + node.node())
                    .target(operationTarget)
                    .observer(context.waitObserver())
                    .build()
                    .run();
            if (!result.isSuccess()) {
                String reason = failureReason(node, result);
                LOG.warn("health gate {} failed on {}: {}", gate.name(), node.node(), reason);
                throw new UnsafeOperationException(gate.name(), reason, operationTarget, context.plan().operation(),
                        context.step().id());
            }
            LOG.info("health gate {} passed on {} after {} probe(s)", gate.name(), node.node(), result.attempts());
        }
    }

    /** One probe of every gate on every node; fails with the first unhealthy node and gate. */
    GuardResult probeOnce(List<ServiceNode> nodes) {
        if (gates.isEmpty()) {
            return GuardResult.pass("no health gates are configured");
        }
        List<String> healthy = new ArrayList<>();
        for (ServiceNode node : nodes) {
            for (HealthGate gate : gates) {
                GateProbe probe = gate.probe(node, ssh);
                if (!probe.passed()) {
                    return GuardResult.fail("node " + node.node() + " fails health gate " + gate.name() + ": "
                            + probe.detail() + "; taking another node down now could leave too few healthy nodes");
                }
            }
            healthy.add(node.node());
        }
        return GuardResult.pass(healthy.isEmpty() ? "no other nodes" : "nodes " + healthy + " pass " + names());
    }

    /** The gates as the plan shows them for one node: name and what it checks. */
    String describe(ServiceNode node) {
        List<String> parts = new ArrayList<>();
        gates.forEach(gate -> parts.add(gate.name() + " (" + gate.describe(node) + ")"));
        return String.join(", ", parts);
    }

    List<String> names() {
        return gates.stream().map(HealthGate::name).toList();
    }

    private static String failureReason(ServiceNode node, WaitResult<GateProbe> result) {
        String seen = result.value() != null ? result.value().detail()
                : result.exception() != null ? String.valueOf(result.exception().getMessage()) : result.reason();
        return "node " + node.node() + " is not healthy: " + seen + " (" + result.outcome().name().toLowerCase(Locale.ROOT)
                + " after " + result.attempts() + (result.attempts() == 1 ? " probe" : " probes") + " in "
                + result.elapsed().toMillis() + " ms)";
    }
}
