package io.opsstack.ssh.internal.rolling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.FileSync;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SyncEntry;
import io.opsstack.ssh.SyncPlan;
import io.opsstack.ssh.SyncResult;
import io.opsstack.ssh.SyncSource;
import io.opsstack.ssh.rolling.SyncRolloutRequest;

/**
 * The {@code sync.sh} flow: check the reference node's gates, then per other node, one at a time:
 * stop, sync the directory, start, gate. A node whose directory already matches the source gets
 * one no-op step and is not restarted. A gate that does not pass stops the operation at that node.
 */
public final class SyncRolloutDefinition implements OperationDefinition<Void> {
    public static final String NAME = "ssh-sync-rollout";
    private static final Logger LOG = LoggerFactory.getLogger(SyncRolloutDefinition.class);
    private static final String SYNC = "sync-";

    private final SshExecutor ssh;
    private final SyncRolloutRequest request;
    private final HostActions actions;
    private final String target;

    public SyncRolloutDefinition(SshExecutor ssh, ServiceControl control, SyncRolloutRequest request) {
        this.ssh = ssh;
        this.request = request;
        this.target = "ssh/" + request.clusterName();
        this.actions = new HostActions(request.serviceNodes(), control, new GateRunner(ssh, request.gates()),
                request.serviceTimeout(), request.pauseBetweenHosts(), target);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Plan plan() {
        SyncSource source = source();
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("source", source.toString())
                .parameter("targetDirectory", request.targetDirectory())
                .parameter("deleteExtras", String.valueOf(request.deleteExtras()))
                .parameter("nodes", String.join(",", request.targets().stream().map(ServiceNode::node).toList()))
                .parameter("gates", String.join(",", RolloutSettings.gateNames(request.gates())));
        if (request.gates().isEmpty()) {
            plan.warning("no health gates: each node is started and the next one taken down without checking it");
        }
        if (request.reference() != null) {
            plan.step(actions.gate(request.reference(), null, "verify reference node"));
        }
        Map<String, String> facts = new TreeMap<>(actions.serviceFacts());
        List<ServiceNode> targets = request.targets();
        for (int i = 0; i < targets.size(); i++) {
            ServiceNode node = targets.get(i);
            SyncPlan files = fileSync(node).plan(node.target());
            facts.put("node." + node.node() + ".sync", digest(files));
            if (!files.hasChanges()) {
                plan.step(PlannedStep.builder(SYNC + node.node(), StepAction.NO_OP, node.node())
                        .description(node.node() + ":" + files.targetDirectory() + " already matches " + source
                                + " (" + files.summary() + "); not restarted"));
                continue;
            }
            plan.step(actions.stop(node, null));
            plan.step(syncStep(node, files));
            plan.step(actions.start(node, null));
            plan.step(actions.gate(node, null, "check"));
            if (actions.pauses() && i < targets.size() - 1) {
                plan.step(actions.pause(node));
            }
        }
        plan.stateFacts(facts);
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>(actions.serviceFacts());
        for (ServiceNode node : request.targets()) {
            facts.put("node." + node.node() + ".sync", digest(fileSync(node).plan(node.target())));
        }
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.action() == StepAction.NO_OP) {
            return;
        }
        if (step.action() == StepAction.SYNC) {
            ServiceNode node = request.serviceNodes().get(step.target());
            SyncResult result = fileSync(node).sync(node.target());
            LOG.info("synced {} to {}: {} added, {} updated, {} deleted", source(), node.node(), result.added(),
                    result.updated(), result.deleted());
            return;
        }
        if (!actions.execute(step, context)) {
            throw new IllegalStateException("a sync rollout has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        if (HostActions.GUARD_OTHERS_HEALTHY.equals(name)) {
            return new NamedGuard(name, (step, context) -> actions.othersHealthy(List.of(step.target())));
        }
        throw new OpsValidationException("a sync rollout has no guard named '" + name + "'");
    }

    /** The sync step lists every file it changes, as the plan's after-values. */
    private PlannedStep.Builder syncStep(ServiceNode node, SyncPlan files) {
        PlannedStep.Builder step = PlannedStep.builder(SYNC + node.node(), StepAction.SYNC, node.node())
                .description("sync " + files.source() + " -> " + node.node() + ":" + files.targetDirectory() + " ("
                        + files.summary() + ")")
                .disruptive(true);
        for (SyncEntry entry : files.changes()) {
            step.change(entry.path(), null, entry.action() + (entry.detail().isEmpty() ? "" : " (" + entry.detail() + ")"));
        }
        return step;
    }

    private FileSync fileSync(ServiceNode node) {
        return FileSync.builder(ssh).source(source())
                .targetDirectory(NodeTemplates.expand(request.targetDirectory(), node))
                .deleteExtras(request.deleteExtras())
                .build();
    }

    private SyncSource source() {
        return request.localSource() != null ? SyncSource.local(request.localSource())
                : SyncSource.remote(request.reference().target(), NodeTemplates.expand(request.sourceDirectory(), request.reference()));
    }

    /** What a node's sync would change, as a short stable fact (a plan is stale when it differs). */
    private static String digest(SyncPlan files) {
        StringBuilder changes = new StringBuilder();
        for (SyncEntry entry : files.changes()) {
            changes.append(entry.path()).append(' ').append(entry.action()).append(' ').append(entry.sha256())
                    .append(' ').append(entry.mode()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(changes.toString().getBytes(StandardCharsets.UTF_8));
            return files.summary() + " sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
