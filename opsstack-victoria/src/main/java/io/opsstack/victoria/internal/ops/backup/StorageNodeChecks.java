package io.opsstack.victoria.internal.ops.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.wait.Waiter;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.internal.HealthRules;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.model.ComponentHealth;

/** Health of the vmstorage nodes a backup or restore touches: the guard, the wait after a start, and the plan's state facts. */
final class StorageNodeChecks {
    static final String GUARD_NODE_HEALTHY = "vmstorage-healthy";

    private final VictoriaClusterOps ops;

    StorageNodeChecks(VictoriaClusterOps ops) {
        this.ops = ops;
    }

    /** {@code /health} OK and no problem on {@code /metrics} (read-only, disk below the limit). */
    ComponentHealth health(String node) {
        return HealthRules.vmstorage(ops.definition().storageNode(node), NodeReading.read(ops.vmstorage(node)), 0);
    }

    GuardResult guard(String node) {
        ComponentHealth health = health(node);
        return health.healthy() ? GuardResult.pass("vmstorage " + node + " is healthy")
                : GuardResult.fail("vmstorage " + node + ": " + String.join("; ", health.problems()));
    }

    void awaitHealthy(String node, Duration timeout, StepContext context) {
        Waiter.builder(() -> health(node))
                .description("vmstorage " + node + " healthy")
                .target(node)
                .successWhen(ComponentHealth::healthy)
                .timeout(timeout)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    /** Per node {@code vmstorage.<node>} = its HTTP address and whether it is healthy. */
    Map<String, String> facts(List<String> nodes) {
        Map<String, String> facts = new TreeMap<>();
        for (String node : nodes) {
            facts.put("vmstorage." + node, ops.definition().storageNode(node).httpAddress() + " "
                    + (health(node).healthy() ? "healthy" : "unhealthy"));
        }
        return facts;
    }
}
