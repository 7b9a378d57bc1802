package io.opsstack.cli;

import static io.opsstack.cli.CliFlag.Kind.FILE;
import static io.opsstack.cli.CliFlag.Kind.NUMBER;
import static io.opsstack.cli.CliFlag.Kind.SECONDS;
import static io.opsstack.cli.CliFlag.Kind.SWITCH;
import static io.opsstack.cli.CliFlag.Kind.TEXT;
import static io.opsstack.cli.CliFlag.optional;
import static io.opsstack.cli.CliFlag.required;

import io.opsstack.api.operation.Operation;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.ops.ConfigChangeRequest;
import io.opsstack.patroni.ops.FailoverPlanRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Patroni operations. Connection settings: {@code patroni.url} (comma-separated REST endpoints of the
 * members), {@code patroni.user}, the secret {@code patroni.password}, {@code patroni.ca_cert},
 * {@code patroni.insecure}. Requests use the keys of the request records' {@code fromMap} forms.
 */
final class PatroniFamily implements OperationFamily {
    static final String SWITCHOVER = "patroni-switchover";
    static final String FAILOVER = "patroni-failover";
    static final String ROLLING_RESTART = "patroni-rolling-restart";
    static final String CONFIG_CHANGE = "patroni-config-change";
    static final String PAUSE = "patroni-pause";
    static final String RESUME = "patroni-resume";
    static final String REINITIALIZE = "patroni-reinitialize";
    /** A re-clone copies the whole database: bounded, but generous. */
    private static final Duration DEFAULT_REINITIALIZE_TIMEOUT = Duration.ofMinutes(30);

    private static final CliFlag CONVERGENCE_TIMEOUT = optional("convergence-timeout", "convergence_timeout", SECONDS,
            "how long the cluster may take to show the new leader and converged members (default 2m)");
    private static final CliFlag MAX_LAG_BYTES = optional("max-lag-bytes", "max_lag_bytes", NUMBER,
            "refuse a candidate replica lagging more than this");
    private static final CliFlag MAINTENANCE_TIMEOUT = optional("timeout", "timeout", SECONDS,
            "how long every member may take to report the change (default 1m)");

    private static final List<CliOperation> OPERATIONS = List.of(
            CliOperation.of(SWITCHOVER, "Hands the leader role to a healthy, caught-up replica.",
                    optional("candidate", "candidate", TEXT, "member to promote (default: the best replica)"),
                    MAX_LAG_BYTES,
                    optional("scheduled-at", "scheduled_at", TEXT, "run at this ISO time with offset"),
                    CONVERGENCE_TIMEOUT),
            CliOperation.of(FAILOVER, "Promotes a replica, also when the cluster has no leader.",
                    optional("candidate", "candidate", TEXT, "member to promote"),
                    optional("allow-without-leader", "allow_without_leader", SWITCH, "proceed when no leader is running"),
                    CONVERGENCE_TIMEOUT),
            CliOperation.of(ROLLING_RESTART, "Restarts the members one at a time, replicas first.",
                    optional("member-timeout", "member_timeout", SECONDS, "how long one member may take (default 5m)"),
                    optional("primary-strategy", "primary_strategy", TEXT, "switchover (default) or in_place"),
                    optional("force", "force", SWITCH, "restart also members that report no pending restart"),
                    MAX_LAG_BYTES, CONVERGENCE_TIMEOUT),
            CliOperation.of(CONFIG_CHANGE, "Patches the dynamic configuration and restarts the members that need it.",
                    required("patch", "patch", FILE, "the configuration patch as a JSON or YAML file (null removes a key)"),
                    optional("restart-pending", "restart_pending", TEXT, "true (default) or false: restart members left pending"),
                    optional("pending-timeout", "pending_timeout", SECONDS, "how long members may take to report pending_restart")),
            CliOperation.of(PAUSE, "Puts the cluster into maintenance mode (no automatic failover).", MAINTENANCE_TIMEOUT),
            CliOperation.of(RESUME, "Takes the cluster out of maintenance mode.", MAINTENANCE_TIMEOUT),
            CliOperation.of(REINITIALIZE, "Re-clones a replica from the leader and waits until it streams again.",
                    required("member", "member", TEXT, "the replica (the leader is refused)"),
                    optional("force", "force", SWITCH, "cancel a task the member is running"),
                    optional("timeout", "timeout", SECONDS, "how long the re-clone may take (default 30m)")));

    @Override
    public List<CliOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public Connection connect(Settings settings) {
        PatroniOps patroni = PatroniOps.fromMap(settings.httpConnection("patroni", "Patroni"));
        return new Connection() {
            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                Duration timeout = seconds(request.get("timeout"));
                return switch (operation) {
                    case SWITCHOVER -> patroni.plannedSwitchover(request);
                    case FAILOVER -> patroni.plannedFailover(FailoverPlanRequest.fromMap(request));
                    case ROLLING_RESTART -> patroni.rollingRestart(request);
                    case CONFIG_CHANGE -> patroni.configChange(ConfigChangeRequest.fromMap(request));
                    case PAUSE -> timeout == null ? patroni.pause() : patroni.pause(timeout);
                    case RESUME -> timeout == null ? patroni.resume() : patroni.resume(timeout);
                    case REINITIALIZE -> patroni.reinitialize(String.valueOf(request.get("member")),
                            Boolean.TRUE.equals(request.get("force")),
                            timeout == null ? DEFAULT_REINITIALIZE_TIMEOUT : timeout);
                    default -> throw new UsageException("unknown Patroni operation " + operation);
                };
            }

            @Override
            public void close() {
                patroni.close();
            }
        };
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofSeconds(((Number) value).longValue());
    }
}
