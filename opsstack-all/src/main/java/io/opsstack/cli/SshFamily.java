package io.opsstack.cli;

import static io.opsstack.cli.CliFlag.Kind.FILE;
import static io.opsstack.cli.CliFlag.Kind.ISO_DURATION;
import static io.opsstack.cli.CliFlag.Kind.NUMBER;
import static io.opsstack.cli.CliFlag.Kind.SWITCH;
import static io.opsstack.cli.CliFlag.Kind.TEXT;
import static io.opsstack.cli.CliFlag.optional;
import static io.opsstack.cli.CliFlag.required;

import io.opsstack.api.operation.Operation;
import io.opsstack.ssh.rolling.RollingOps;
import java.util.List;
import java.util.Map;

/**
 * Rolling operations on any service reached over SSH (see {@link SshServices} for the hosts and the
 * SSH settings). Requests use the keys of {@code RollingRestartRequest.fromMap} and
 * {@code SyncRolloutRequest.fromMap}.
 */
final class SshFamily implements OperationFamily {
    static final String ROLLING_RESTART = "ssh-rolling-restart";
    static final String SYNC_ROLLOUT = "ssh-sync-rollout";

    private static final CliFlag GATES = optional("gates", "gates", FILE,
            "health gates as a JSON or YAML list of maps (type http, tcp or command)");
    private static final CliFlag PAUSE = optional("pause-between-hosts", "pauseBetweenHosts", ISO_DURATION,
            "wait this long after each host");
    private static final CliFlag SERVICE_TIMEOUT = optional("service-timeout", "serviceTimeout", ISO_DURATION,
            "how long a stop or start may take");
    private static final CliFlag CLUSTER_NAME = optional("cluster-name", "clusterName", TEXT,
            "name of the cluster in the plan and the lease (default from the nodes)");

    private static final List<CliOperation> OPERATIONS = List.of(
            new CliOperation(ROLLING_RESTART, "Restarts a service host by host; each host must pass the health gates "
                    + "before the next goes down.", SshServices.withServiceFlags(null,
                    optional("max-unavailable", "maxUnavailable", NUMBER, "hosts down at once (default 1)"),
                    optional("method", "method", TEXT, "STOP_START (default) or RESTART"),
                    GATES, PAUSE, SERVICE_TIMEOUT, CLUSTER_NAME)),
            new CliOperation(SYNC_ROLLOUT, "Copies files from a reference host (or a local directory) to every other host, "
                    + "one host at a time: stop, sync, start, health gates.", SshServices.withServiceFlags(null,
                    required("target-directory", "targetDirectory", TEXT, "directory to sync on each host"),
                    optional("reference-node", "referenceNode", TEXT, "host whose files are the source"),
                    optional("local-source", "localSource", TEXT, "local directory to sync from instead"),
                    optional("source-directory", "sourceDirectory", TEXT, "directory on the reference host (default: target)"),
                    optional("delete-extras", "deleteExtras", SWITCH, "delete files the source does not have"),
                    GATES, PAUSE, SERVICE_TIMEOUT, CLUSTER_NAME)));

    @Override
    public List<CliOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public Connection connect(Settings settings) {
        return new Connection() {
            private SshServices ssh;

            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                ssh = SshServices.open(request, null, settings);
                RollingOps rolling = RollingOps.create(ssh.executor(), ssh.control());
                Map<String, Object> options = SshServices.withoutSection(request);
                return switch (operation) {
                    case ROLLING_RESTART -> rolling.rollingRestart(ssh.nodes(), options);
                    case SYNC_ROLLOUT -> rolling.syncRollout(ssh.nodes(), options);
                    default -> throw new UsageException("unknown SSH operation " + operation);
                };
            }

            @Override
            public void close() {
                if (ssh != null) {
                    ssh.close();
                }
            }
        };
    }
}
