package io.opsstack.victoria.internal.ops.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.backup.BackupCommandRunner;
import io.opsstack.victoria.ops.backup.VmBackupManifest;
import io.opsstack.victoria.ops.backup.VmRestoreRequest;

/**
 * Restores vmstorage nodes one at a time from a backup manifest: {@code stop-<node>},
 * {@code restore-<node>} (vmrestore on the node's host, only while the service is down),
 * {@code start-<node>}, {@code health-<node>}. A manifest that does not name exactly the cluster's
 * vmstorage nodes is refused when the operation is created.
 */
public final class RestoreDefinition implements OperationDefinition<Void> {
    public static final String NAME = "victoria-restore";
    static final String GUARD_STOPPED = "vmstorage-stopped";
    private static final String STOP = "stop-";
    private static final String RESTORE = "restore-";
    private static final String START = "start-";
    private static final String HEALTH = "health-";

    private final VictoriaClusterOps ops;
    private final VmRestoreRequest request;
    private final BackupCommandRunner runner;
    private final ServiceControl control;
    private final StorageNodeChecks checks;

    public RestoreDefinition(VictoriaClusterOps ops, VmRestoreRequest request, BackupCommandRunner runner, ServiceControl control) {
        this.ops = ops;
        this.request = request;
        this.runner = runner;
        this.control = control;
        this.checks = new StorageNodeChecks(ops);
        requireMatchingDefinition(request.manifest());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return "victoria/" + ops.definition().name();
    }

    @Override
    public Plan plan() {
        VmBackupManifest manifest = request.manifest();
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("backup_name", manifest.backupName())
                .parameter("destination", manifest.destination())
                .parameter("nodes", String.join(",", request.effectiveNodes()))
                .warning("each restored node's data is replaced by the backup (files not in it are deleted): samples it "
                        + "received after " + manifest.startedAt() + " are lost");
        if (!manifest.cluster().equals(ops.definition().name())) {
            plan.warning("the backup was made of cluster '" + manifest.cluster() + "', this is '" + ops.definition().name() + "'");
        }
        for (String node : request.effectiveNodes()) {
            String source = manifest.entry(node).destination();
            String dataPath = request.storageDataPath(node);
            List<String> command = BackupCommands.vmrestore(request.vmrestoreCommand(), source, dataPath, request.extraFlags());
            plan.step(PlannedStep.builder(STOP + node, StepAction.STOP, node).disruptive(true)
                    .description("stop the service of vmstorage " + node));
            plan.step(PlannedStep.builder(RESTORE + node, StepAction.EXEC, node).disruptive(true)
                    .description("on the host of " + node + ": " + BackupCommands.display(command))
                    .guard(GUARD_STOPPED)
                    .change("source", null, source)
                    .change("storage_data_path", null, dataPath));
            plan.step(PlannedStep.builder(START + node, StepAction.START, node)
                    .description("start the service of vmstorage " + node));
            plan.step(PlannedStep.builder(HEALTH + node, StepAction.WAIT, node)
                    .description("wait until " + node + " answers /health and /metrics shows no problem (at most "
                            + request.healthTimeout() + ")"));
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return checks.facts(request.effectiveNodes());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String id = step.id();
        String node = step.target();
        if (id.startsWith(STOP)) {
            control.stop(node, request.serviceTimeout());
        } else if (id.startsWith(RESTORE)) {
            List<String> command = BackupCommands.vmrestore(request.vmrestoreCommand(), step.after().get("source"),
                    step.after().get("storage_data_path"), request.extraFlags());
            context.waiting("running " + BackupCommands.display(command));
            runner.run(node, command, null, request.commandTimeout());
        } else if (id.startsWith(START)) {
            control.start(node, request.serviceTimeout());
        } else if (id.startsWith(HEALTH)) {
            checks.awaitHealthy(node, request.healthTimeout(), context);
        } else {
            throw new IllegalStateException("a restore has no step " + id);
        }
    }

    @Override
    public Guard guard(String name) {
        if (GUARD_STOPPED.equals(name)) {
            // vmrestore into the directory of a running node would corrupt it
            return new NamedGuard(name, (step, context) -> stopped(step.target()));
        }
        throw new OpsValidationException("a restore has no guard named '" + name + "'");
    }

    private GuardResult stopped(String node) {
        ServiceState state = control.state(node);
        return state == ServiceState.ACTIVE ? GuardResult.fail("the service of " + node + " is still running")
                : GuardResult.pass("the service of " + node + " is " + state.name().toLowerCase(Locale.ROOT));
    }

    private void requireMatchingDefinition(VmBackupManifest manifest) {
        List<String> known = ops.definition().vmstorage().stream().map(StorageNode::name).toList();
        List<String> problems = new ArrayList<>();
        for (String node : manifest.nodes()) {
            if (!known.contains(node)) {
                problems.add("the manifest names vmstorage " + node + ", which the cluster definition does not have");
            }
        }
        for (String node : known) {
            if (!manifest.nodes().contains(node)) {
                problems.add("the manifest has no entry for vmstorage " + node);
            }
        }
        if (!problems.isEmpty()) {
            throw new OpsValidationException("backup " + manifest.backupName() + " does not match cluster "
                    + ops.definition().name() + " (nodes " + known + "): " + String.join("; ", problems), target());
        }
    }

    @Override
    public String toString() {
        return "RestoreDefinition[" + target() + " <- " + request.manifest().backupName() + ", nodes "
                + request.effectiveNodes() + "]";
    }
}
