package io.opsstack.victoria.internal.ops.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmStorageClient;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.backup.BackupCommandRunner;
import io.opsstack.victoria.ops.backup.VmBackupEntry;
import io.opsstack.victoria.ops.backup.VmBackupManifest;
import io.opsstack.victoria.ops.backup.VmBackupRequest;

/**
 * Backs up vmstorage nodes one at a time: {@code snapshot-<node>}, {@code backup-<node>} (vmbackup on
 * the node's host), {@code delete-snapshot-<node>}; then {@code manifest}. The snapshot name and each
 * node's entry are kept in the journal, so a resumed run and the cleanup (which deletes a snapshot a
 * failed run left) know them.
 */
public final class BackupDefinition implements OperationDefinition<VmBackupManifest> {
    public static final String NAME = "victoria-backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupDefinition.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration MANIFEST_WRITE_TIMEOUT = Duration.ofMinutes(1);
    private static final String SNAPSHOT = "snapshot-";
    private static final String BACKUP = "backup-";
    private static final String DELETE = "delete-snapshot-";
    private static final String MANIFEST = "manifest";
    private static final String KEY_SNAPSHOT = "snapshot.";
    private static final String KEY_STARTED = "started.";
    private static final String KEY_ENTRY = "entry.";
    private static final String KEY_MANIFEST = "manifest";
    private static final String PARAM_NAME = "backup_name";
    private static final String AFTER_DATA_PATH = "storage_data_path";
    private static final String AFTER_DESTINATION = "destination";

    private final VictoriaClusterOps ops;
    private final VmBackupRequest request;
    private final BackupCommandRunner runner;
    private final List<String> nodes;
    /** Data paths given in the request, by node name (the request may name nodes by address). */
    private final Map<String, String> storageDataPaths = new HashMap<>();
    private final StorageNodeChecks checks;

    public BackupDefinition(VictoriaClusterOps ops, VmBackupRequest request, BackupCommandRunner runner) {
        this.ops = ops;
        this.request = request;
        this.runner = runner;
        this.checks = new StorageNodeChecks(ops);
        this.nodes = request.nodes().isEmpty() ? ops.definition().vmstorage().stream().map(StorageNode::name).toList()
                : request.nodes().stream().map(node -> ops.definition().storageNode(node).name()).toList();
        request.storageDataPaths().forEach((node, path) ->
                storageDataPaths.put(ops.definition().storageNode(node).name(), path));
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
        Instant now = Instant.now();
        String backupName = request.backupName() != null ? request.backupName() : NAME_TIME.format(now);
        Plan.Builder plan = Plan.builder(NAME, target()).createdAt(now)
                .parameter("destination", request.destination())
                .parameter(PARAM_NAME, backupName)
                .parameter("nodes", String.join(",", nodes));
        for (String node : nodes) {
            String dataPath = storageDataPath(node);
            String destination = BackupCommands.nodeDestination(request.destination(), node, backupName);
            List<String> command = BackupCommands.vmbackup(request.vmbackupCommand(), dataPath,
                    "<snapshot from " + SNAPSHOT + node + ">", destination, request.extraFlags());
            plan.step(PlannedStep.builder(SNAPSHOT + node, StepAction.SNAPSHOT, node)
                    .description("create a snapshot on vmstorage " + node + " (/snapshot/create)")
                    .guard(StorageNodeChecks.GUARD_NODE_HEALTHY));
            plan.step(PlannedStep.builder(BACKUP + node, StepAction.EXEC, node)
                    .description("on the host of " + node + ": " + BackupCommands.display(command))
                    .change(AFTER_DATA_PATH, null, dataPath)
                    .change(AFTER_DESTINATION, null, destination));
            plan.step(PlannedStep.builder(DELETE + node, StepAction.DELETE, node)
                    .description("delete the snapshot on " + node + " (/snapshot/delete); a failed run deletes it in its cleanup"));
        }
        String directory = BackupCommands.localDirectory(request.destination());
        String location = BackupCommands.manifestLocation(request.destination(), backupName);
        if (directory == null) {
            plan.warning("the manifest of an object-store backup is returned in the result only; store it yourself (e.g. "
                    + location + ")");
            plan.step(PlannedStep.builder(MANIFEST, StepAction.NO_OP, request.destination())
                    .description("assemble the manifest of every node (returned in the result)"));
        } else {
            plan.step(PlannedStep.builder(MANIFEST, StepAction.EXEC, request.destination())
                    .description("on the host of " + nodes.get(0) + ": write the manifest of every node to " + location)
                    .change("manifest", null, location));
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return checks.facts(nodes);
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String id = step.id();
        String node = step.target();
        if (id.startsWith(SNAPSHOT)) {
            snapshot(node, context);
        } else if (id.startsWith(BACKUP)) {
            backup(node, step, context);
        } else if (id.startsWith(DELETE)) {
            deleteSnapshot(node, context);
        } else if (id.equals(MANIFEST)) {
            writeManifest(context);
        } else {
            throw new IllegalStateException("a backup has no step " + id);
        }
    }

    @Override
    public Guard guard(String name) {
        if (StorageNodeChecks.GUARD_NODE_HEALTHY.equals(name)) {
            return new NamedGuard(name, (step, context) -> checks.guard(step.target()));
        }
        throw new OpsValidationException("a backup has no guard named '" + name + "'");
    }

    @Override
    public VmBackupManifest result(OperationContext context) {
        return context.savedValue(KEY_MANIFEST).flatMap(SavedValue::asOptional)
                .map(VmBackupManifest::fromJson)
                .orElse(null);
    }

    /** Deletes the snapshot of a node whose run stopped between taking and deleting it. */
    @Override
    public void cleanup(OperationContext context, OperationStatus status) {
        for (String node : nodes) {
            Optional<String> snapshot = savedSnapshot(node, context);
            if (snapshot.isPresent()) {
                try {
                    ops.vmstorage(node).deleteSnapshot(snapshot.get());
                    context.saveValue(KEY_SNAPSHOT + node, null);
                } catch (OpsException e) {
                    LOG.warn("cannot delete snapshot {} on vmstorage {} after the backup ended {}: {}", snapshot.get(), node,
                            status, e.getMessage());
                }
            }
        }
    }

    private String storageDataPath(String node) {
        String override = storageDataPaths.get(node);
        if (override != null) {
            return override;
        }
        String flag = ops.vmstorage(node).flags().value("storageDataPath").orElse("");
        if (!flag.startsWith("/")) {
            throw new OpsValidationException("vmstorage " + node + " does not show an absolute -storageDataPath on /flags (was '"
                    + flag + "'); give it with storageDataPath(\"" + node + "\", \"/path\")", target());
        }
        return flag;
    }

    /** The node's snapshot taken by this run and still present, else a new one. */
    private String snapshot(String node, StepContext context) {
        VmStorageClient storage = ops.vmstorage(node);
        Optional<String> saved = savedSnapshot(node, context);
        if (saved.isPresent() && storage.listSnapshots().contains(saved.get())) {
            return saved.get();
        }
        String created = storage.createSnapshot();
        context.saveValue(KEY_SNAPSHOT + node, created);
        context.saveValue(KEY_STARTED + node, Instant.now().toString());
        return created;
    }

    private void backup(String node, PlannedStep step, StepContext context) {
        String snapshot = snapshot(node, context);
        String dataPath = step.after().get(AFTER_DATA_PATH);
        String destination = step.after().get(AFTER_DESTINATION);
        List<String> command = BackupCommands.vmbackup(request.vmbackupCommand(), dataPath, snapshot, destination,
                request.extraFlags());
        context.waiting("running " + BackupCommands.display(command));
        String output = runner.run(node, command, null, request.commandTimeout());
        Instant started = context.savedValue(KEY_STARTED + node).flatMap(SavedValue::asOptional).map(Instant::parse)
                .orElse(Instant.now());
        StorageNode storageNode = ops.definition().storageNode(node);
        VmBackupEntry entry = new VmBackupEntry(node, storageNode.httpAddress(), snapshot, dataPath, destination, started,
                Instant.now(), BackupCommands.backedUpBytes(output), version(node));
        context.saveValue(KEY_ENTRY + node, Json.compact(entry.toMap()));
    }

    private void deleteSnapshot(String node, StepContext context) {
        Optional<String> snapshot = savedSnapshot(node, context);
        if (snapshot.isPresent()) {
            ops.vmstorage(node).deleteSnapshot(snapshot.get());
            context.saveValue(KEY_SNAPSHOT + node, null);
        }
    }

    private void writeManifest(StepContext context) {
        List<VmBackupEntry> entries = new ArrayList<>();
        for (String node : nodes) {
            String json = context.savedValue(KEY_ENTRY + node).flatMap(SavedValue::asOptional)
                    .orElseThrow(() -> new IllegalStateException("no backup of " + node + " was recorded"));
            entries.add(VmBackupEntry.fromMap(Json.parseObject(json, "backup entry of " + node)));
        }
        String backupName = context.plan().parameters().get(PARAM_NAME);
        VmBackupManifest manifest = new VmBackupManifest(FormatVersion.CURRENT, ops.definition().name(), backupName,
                request.destination(), entries.stream().map(VmBackupEntry::startedAt).min(Comparator.naturalOrder()).orElseThrow(),
                entries.stream().map(VmBackupEntry::finishedAt).max(Comparator.naturalOrder()).orElseThrow(), entries);
        if (BackupCommands.localDirectory(request.destination()) != null) {
            String location = BackupCommands.localDirectory(BackupCommands.manifestLocation(request.destination(), backupName));
            runner.run(nodes.get(0), BackupCommands.writeFile(location), manifest.toJson(), MANIFEST_WRITE_TIMEOUT);
        }
        context.saveValue(KEY_MANIFEST, Json.compact(manifest.toMap()));
    }

    private Optional<String> savedSnapshot(String node, OperationContext context) {
        return context.savedValue(KEY_SNAPSHOT + node).flatMap(SavedValue::asOptional);
    }

    private String version(String node) {
        try {
            return ops.vmstorage(node).metrics().samples("vm_app_version").stream()
                    .map(sample -> sample.labels().getOrDefault("version", ""))
                    .findFirst().orElse("");
        } catch (OpsException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "BackupDefinition[" + target() + " -> " + request.destination() + ", nodes " + nodes + "]";
    }
}
