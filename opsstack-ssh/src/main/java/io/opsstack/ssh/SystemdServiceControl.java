package io.opsstack.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.ssh.internal.ServiceWaiter;

/**
 * {@link ServiceControl} through {@code systemctl} over SSH: start/stop/restart the node's unit,
 * then poll {@code systemctl show -p ActiveState,SubState,MainPID} until it is active (or
 * inactive) within the timeout. Thread-safe.
 */
public final class SystemdServiceControl implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdServiceControl.class);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    private final SshExecutor executor;
    private final ServiceNodes nodes;
    private final boolean sudo;
    private final String systemctl;
    private final Duration pollInterval;

    private SystemdServiceControl(Builder builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        this.sudo = builder.sudo;
        this.systemctl = builder.systemctl;
        this.pollInterval = builder.pollInterval;
    }

    public static Builder builder(SshExecutor executor, ServiceNodes nodes) {
        return new Builder(executor, nodes);
    }

    @Override
    public void stop(String node, Duration timeout) {
        change(node, "stop", timeout, Set.of(ServiceState.INACTIVE, ServiceState.FAILED), Set.of());
    }

    @Override
    public void start(String node, Duration timeout) {
        change(node, "start", timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public void restart(String node, Duration timeout) {
        change(node, "restart", timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public ServiceState state(String node) {
        return unitStatus(node).state();
    }

    /** The unit's ActiveState, SubState and MainPID. */
    public SystemdUnitStatus unitStatus(String node) {
        ServiceNode target = nodes.get(node);
        CommandResult result = executor.run(target.target(), command(STATUS_TIMEOUT,
                "show", "-p", "ActiveState,SubState,MainPID", target.service()));
        return SystemdUnitStatus.parse(result.stdout());
    }

    private void change(String node, String verb, Duration timeout, Set<ServiceState> wanted, Set<ServiceState> failing) {
        ServiceNode target = nodes.get(node);
        long deadline = System.nanoTime() + timeout.toNanos();
        LOG.info("systemctl {} {} on node {} ({})", verb, target.service(), node, target.target());
        executor.run(target.target(), command(timeout, verb, target.service()));
        ServiceWaiter.await("systemctl " + verb + " " + target.service() + " on node " + node, target.target().toString(),
                wanted, failing, deadline, pollInterval, () -> state(node));
    }

    private Command command(Duration timeout, String... arguments) {
        Command.Builder builder = Command.builder().timeout(timeout).sudo(sudo);
        String[] words = new String[arguments.length + 1];
        words[0] = systemctl;
        System.arraycopy(arguments, 0, words, 1, arguments.length);
        return builder.args(words).build();
    }

    /** Builder of {@link SystemdServiceControl}; defaults: {@code systemctl} from PATH, no sudo, 500 ms polls. */
    public static final class Builder {
        private final SshExecutor executor;
        private final ServiceNodes nodes;
        private boolean sudo;
        private String systemctl = "systemctl";
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(SshExecutor executor, ServiceNodes nodes) {
            this.executor = executor;
            this.nodes = nodes;
        }

        /** Run systemctl through {@code sudo -n}. */
        public Builder sudo(boolean enabled) {
            this.sudo = enabled;
            return this;
        }

        public Builder systemctlPath(String path) {
            if (path == null || path.isBlank()) {
                throw new OpsValidationException("systemctl path must not be blank");
            }
            this.systemctl = path;
            return this;
        }

        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        public SystemdServiceControl build() {
            return new SystemdServiceControl(this);
        }
    }
}
