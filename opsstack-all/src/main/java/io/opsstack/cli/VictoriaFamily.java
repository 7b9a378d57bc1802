package io.opsstack.cli;

import static io.opsstack.cli.CliFlag.Kind.FILE;
import static io.opsstack.cli.CliFlag.Kind.ISO_DURATION;
import static io.opsstack.cli.CliFlag.Kind.LIST;
import static io.opsstack.cli.CliFlag.Kind.NUMBER;
import static io.opsstack.cli.CliFlag.Kind.SWITCH;
import static io.opsstack.cli.CliFlag.Kind.TEXT;
import static io.opsstack.cli.CliFlag.optional;
import static io.opsstack.cli.CliFlag.required;

import io.opsstack.api.operation.Operation;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.ops.AddStorageNodeRequest;
import io.opsstack.victoria.ops.RemoveStorageNodeRequest;
import io.opsstack.victoria.ops.VmRollingRestartRequest;
import io.opsstack.victoria.ops.backup.BackupCommandRunner;
import io.opsstack.victoria.ops.backup.SshBackupCommandRunner;
import io.opsstack.victoria.ops.backup.VmBackupRequest;
import io.opsstack.victoria.ops.backup.VmRestoreRequest;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VictoriaMetrics cluster operations. Connection setting: {@code victoria.definition}, a JSON or YAML
 * file with the keys of {@code VictoriaClusterOps.fromMap} (the cluster's nodes per component, scheme,
 * credentials, TLS). The services are controlled, the flags files edited and vmbackup/vmrestore run over
 * SSH (see {@link SshServices} and {@link VmFlagFiles}); inventory host names are the node names of the
 * definition.
 */
final class VictoriaFamily implements OperationFamily {
    static final String ROLLING_RESTART = "victoria-rolling-restart";
    static final String ADD_STORAGE = "victoria-add-storage";
    static final String REMOVE_STORAGE = "victoria-remove-storage";
    static final String BACKUP = "victoria-backup";
    static final String RESTORE = "victoria-restore";
    /** Backups and restores touch vmstorage only, so its usual unit name is the default. */
    private static final String STORAGE_UNIT = "vmstorage";

    private static final CliFlag SERVICE_TIMEOUT = optional("service-timeout", "service_timeout", ISO_DURATION,
            "bound of one stop, start or restart");
    private static final CliFlag GATE_TIMEOUT = optional("gate-timeout", "gate_timeout", ISO_DURATION,
            "how long a restarted node may take to pass its gates");
    private static final CliFlag REROUTING_WINDOW = optional("rerouting-window", "rerouting_window", ISO_DURATION,
            "how long vminsert rerouting must stay flat before a node goes down");
    private static final CliFlag STORAGE_DATA_PATHS = optional("storage-data-paths", "storage_data_paths", FILE,
            "JSON or YAML map of node to -storageDataPath, for nodes whose /flags shows no absolute one");
    private static final CliFlag EXTRA_FLAGS = optional("extra-flag", "extra_flags", LIST,
            "further flags of the tool, each -name=value (e.g. -credsFilePath=/etc/vm/s3.creds)");
    private static final CliFlag COMMAND_TIMEOUT = optional("command-timeout", "command_timeout", ISO_DURATION,
            "limit of one node's run of the tool (default 2h)");

    private static final List<CliOperation> OPERATIONS = List.of(
            new CliOperation(ROLLING_RESTART, "Restarts the cluster one node at a time, vmstorage then vminsert then "
                    + "vmselect, each behind health guards and followed by a gate on its metrics.", SshServices.withServiceFlags(null,
                    optional("component", "components", LIST, "vmstorage, vminsert, vmselect (default all, in that order)"),
                    optional("node", "nodes", LIST, "only these nodes (default all of the components)"),
                    SERVICE_TIMEOUT, GATE_TIMEOUT, REROUTING_WINDOW,
                    optional("gate-profile", "gate_profile", TEXT, "cluster (default) or single_node_standin"))),
            new CliOperation(ADD_STORAGE, "Starts a new vmstorage node, then adds it to every vmselect's and then every "
                    + "vminsert's -storageNode flag, restarting them one at a time behind health guards.", membership(
                    optional("node", "node.name", TEXT, "name of the new node, as in the inventory (default: its HTTP address)"),
                    required("node-http", "node.http", TEXT, "HTTP address of the new node, host:port"),
                    optional("vminsert-port", "node.vminsert_port", NUMBER, "its -vminsertAddr port (default 8400)"),
                    optional("vmselect-port", "node.vmselect_port", NUMBER, "its -vmselectAddr port (default 8401)"),
                    optional("node-host", "node.host", TEXT, "the machine it runs on (default: the HTTP host)"),
                    optional("node-service", "node.service", TEXT, "its service name shown in the plan (default vmstorage)"))),
            new CliOperation(REMOVE_STORAGE, "Removes a vmstorage node in two applies: from every vminsert first, then, once "
                    + "its data is past retention or re-ingested, from every vmselect, and stops it.", membership(
                    required("node", "node", TEXT, "the vmstorage node's name or address in the definition"),
                    optional("phase", "phase", TEXT, "from-vminsert (default) or from-vmselect"),
                    optional("removed-from-vminsert-at", "removed_from_vminsert_at", TEXT,
                            "for from-vmselect: ISO instant when the first phase finished (its plan and result show it)"),
                    optional("data-reingested", "data_reingested", SWITCH,
                            "for from-vmselect: the node's data was copied to the other nodes; lifts the retention wait"))),
            new CliOperation(BACKUP, "Backs up the vmstorage nodes one at a time: a snapshot, vmbackup of it on the "
                    + "node's host, the snapshot's deletion; then a manifest of every node.", SshServices.withServiceFlags(STORAGE_UNIT,
                    required("destination", "destination", TEXT, "fs:///absolute/dir, s3://bucket/path or gs://bucket/path"),
                    optional("node", "nodes", LIST, "vmstorage nodes to back up, in this order (default all)"),
                    optional("backup-name", "backup_name", TEXT, "name of this backup's directories (default: plan time "
                            + "yyyyMMdd-HHmmss)"),
                    STORAGE_DATA_PATHS,
                    optional("vmbackup-command", "vmbackup_command", TEXT, "the vmbackup binary on the hosts (default vmbackup)"),
                    EXTRA_FLAGS, COMMAND_TIMEOUT)),
            new CliOperation(RESTORE, "Restores the vmstorage nodes from a backup manifest one at a time: stop, vmrestore "
                    + "on the node's host, start, wait until healthy.", SshServices.withServiceFlags(STORAGE_UNIT,
                    required("manifest", "manifest", FILE, "the backup's manifest (<destination>/manifests/<name>.json), "
                            + "stored in the plan"),
                    optional("node", "nodes", LIST, "nodes to restore, in this order (default every manifest entry)"),
                    STORAGE_DATA_PATHS,
                    optional("vmrestore-command", "vmrestore_command", TEXT, "the vmrestore binary on the hosts (default vmrestore)"),
                    EXTRA_FLAGS, COMMAND_TIMEOUT,
                    optional("service-timeout", "service_timeout", ISO_DURATION, "bound of one stop or start (default 2m)"),
                    optional("health-timeout", "health_timeout", ISO_DURATION,
                            "how long a started node may take to become healthy (default 5m)"))));

    @Override
    public List<CliOperation> operations() {
        return OPERATIONS;
    }

    /** An add or remove operation's own flags, the timeouts of its restarts, the service flags and the flags files. */
    private static List<CliFlag> membership(CliFlag... own) {
        List<CliFlag> flags = new ArrayList<>(List.of(own));
        flags.addAll(List.of(SERVICE_TIMEOUT, GATE_TIMEOUT, REROUTING_WINDOW));
        List<CliFlag> withServices = SshServices.withServiceFlags(null, flags.toArray(CliFlag[]::new));
        withServices.addAll(VmFlagFiles.FLAGS);
        return withServices;
    }

    @Override
    public Connection connect(Settings settings) {
        String definition = settings.get("victoria.definition");
        if (definition == null) {
            throw new UsageException("no VictoriaMetrics cluster definition: pass --victoria-definition FILE, set "
                    + Settings.envName("victoria.definition") + " or victoria.definition in the config file");
        }
        if (!(StructuredFiles.read(Paths.get(definition), "victoria.definition") instanceof Map<?, ?> map)) {
            throw new UsageException("victoria.definition: " + definition + " must hold a map");
        }
        @SuppressWarnings("unchecked")
        VictoriaClusterOps victoria = VictoriaClusterOps.fromMap((Map<String, ?>) map);
        return new Connection() {
            private SshServices ssh;

            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                Map<String, Object> options = VmFlagFiles.withoutSections(request);
                // Each request is read before SSH is set up, so a bad one fails first, naming its key.
                switch (operation) {
                    case ROLLING_RESTART -> {
                        VmRollingRestartRequest restart = VmRollingRestartRequest.fromMap(options);
                        return victoria.rollingRestart(restart, ssh(request, null).control());
                    }
                    case ADD_STORAGE -> {
                        AddStorageNodeRequest add = AddStorageNodeRequest.fromMap(options);
                        ssh(request, null);
                        return victoria.addStorageNode(add, VmFlagFiles.control(request, ssh), VmFlagFiles.source(request, ssh));
                    }
                    case REMOVE_STORAGE -> {
                        options.computeIfPresent("phase", (key, phase) -> phase.toString().replace('-', '_'));
                        RemoveStorageNodeRequest remove = RemoveStorageNodeRequest.fromMap(options);
                        ssh(request, null);
                        return victoria.removeStorageNode(remove, VmFlagFiles.control(request, ssh),
                                VmFlagFiles.source(request, ssh));
                    }
                    case BACKUP -> {
                        VmBackupRequest backup = VmBackupRequest.fromMap(options);
                        return victoria.backup(backup, runner(request));
                    }
                    case RESTORE -> {
                        VmRestoreRequest restore = VmRestoreRequest.fromMap(options);
                        return victoria.restore(restore, runner(request), ssh.control());
                    }
                    default -> throw new UsageException("unknown VictoriaMetrics operation " + operation);
                }
            }

            private SshServices ssh(Map<String, ?> request, String defaultUnit) {
                ssh = SshServices.open(request, defaultUnit, settings);
                return ssh;
            }

            /** vmbackup and vmrestore on the vmstorage hosts, with {@code --sudo} when the data belongs to another user. */
            private BackupCommandRunner runner(Map<String, ?> request) {
                ssh(request, STORAGE_UNIT);
                return VmFlagFiles.sudo(request) ? SshBackupCommandRunner.withSudo(ssh.executor(), ssh.nodes())
                        : SshBackupCommandRunner.create(ssh.executor(), ssh.nodes());
            }

            @Override
            public void close() {
                try (VictoriaClusterOps closing = victoria) {
                    if (ssh != null) {
                        ssh.close();
                    }
                }
            }
        };
    }
}
