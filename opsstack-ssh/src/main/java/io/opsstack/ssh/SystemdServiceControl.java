package io.opsstack.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.service.ServiceState;

/**
 * {@link io.opsstack.api.service.ServiceControl} through {@code systemctl} over SSH: start/stop/restart
 * the node's unit, then poll {@code systemctl show -p ActiveState,SubState,MainPID} until it is active
 * (or inactive) within the timeout. Thread-safe.
 */
public final class SystemdServiceControl extends ServiceManagerControl {
    private final String systemctl;
    private final boolean daemonReload;

    private SystemdServiceControl(Builder builder) {
        super(builder);
        this.systemctl = builder.systemctl;
        this.daemonReload = builder.daemonReload;
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
        reloadUnitFiles(node);
        change(node, "start", timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public void restart(String node, Duration timeout) {
        reloadUnitFiles(node);
        change(node, "restart", timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public ServiceState state(String node) {
        return unitStatus(node).state();
    }

    /** The unit's ActiveState, SubState and MainPID. */
    public SystemdUnitStatus unitStatus(String node) {
        ServiceNode target = node(node);
        CommandResult result = status(target, "show", "-p", "ActiveState,SubState,MainPID", target.service());
        if (result.exitCode() != 0) {
            throw new RemoteCommandException(result);
        }
        return SystemdUnitStatus.parse(result.stdout());
    }

    /** systemd reads an edited unit file or drop-in only after {@code daemon-reload}. */
    private void reloadUnitFiles(String node) {
        if (daemonReload) {
            CommandResult result = status(node(node), "daemon-reload");
            if (result.exitCode() != 0) {
                throw new RemoteCommandException(result);
            }
        }
    }

    @Override
    List<String> toolWords() {
        return List.of(systemctl);
    }

    @Override
    boolean succeeded(String verb, CommandResult result) {
        return result.exitCode() == 0;
    }

    /** Builder of {@link SystemdServiceControl}; defaults: {@code systemctl} from PATH, no sudo, 500 ms polls, no daemon-reload. */
    public static final class Builder extends BaseBuilder<Builder> {
        private String systemctl = "systemctl";
        private boolean daemonReload;

        private Builder(SshExecutor executor, ServiceNodes nodes) {
            super(executor, nodes);
        }

        public Builder systemctlPath(String path) {
            if (path == null || path.isBlank()) {
                throw new OpsValidationException("systemctl path must not be blank");
            }
            this.systemctl = path;
            return this;
        }

        /**
         * Run {@code systemctl daemon-reload} before each start and restart, so that a unit file or
         * drop-in changed since the last reload (e.g. by a flag source) takes effect. Off by default.
         */
        public Builder daemonReload(boolean enabled) {
            this.daemonReload = enabled;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        public SystemdServiceControl build() {
            return new SystemdServiceControl(this);
        }
    }
}
