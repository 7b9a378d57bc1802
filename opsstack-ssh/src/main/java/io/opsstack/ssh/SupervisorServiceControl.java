package io.opsstack.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.service.ServiceState;

/**
 * {@link io.opsstack.api.service.ServiceControl} through {@code supervisorctl [-c conf]
 * start|stop|restart|status <program>} over SSH (what {@code supervisor.sh} did). Starting a running
 * program or stopping a stopped one succeeds. Thread-safe.
 */
public final class SupervisorServiceControl extends ServiceManagerControl {
    private final String supervisorctl;
    private final String configFile;

    private SupervisorServiceControl(Builder builder) {
        super(builder);
        this.supervisorctl = builder.supervisorctl;
        this.configFile = builder.configFile;
    }

    public static Builder builder(SshExecutor executor, ServiceNodes nodes) {
        return new Builder(executor, nodes);
    }

    @Override
    public void stop(String node, Duration timeout) {
        change(node, "stop", timeout, Set.of(ServiceState.INACTIVE), Set.of(ServiceState.FAILED));
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
        return programStatus(node).serviceState();
    }

    /** The program's status line as supervisor reports it. */
    public SupervisorProgramStatus programStatus(String node) {
        ServiceNode target = node(node);
        // status exits non-zero when the program is not running; the text decides
        return SupervisorProgramStatus.parse(target.service(), status(target, "status", target.service()).stdout());
    }

    @Override
    List<String> toolWords() {
        List<String> words = new ArrayList<>(List.of(supervisorctl));
        if (configFile != null) {
            words.addAll(List.of("-c", configFile));
        }
        return words;
    }

    @Override
    boolean succeeded(String verb, CommandResult result) {
        String alreadyDone = switch (verb) {
            case "stop" -> "not running";
            case "start" -> "already started";
            default -> null;
        };
        return result.exitCode() == 0 || (alreadyDone != null && result.stdout().contains(alreadyDone));
    }

    /** Builder of {@link SupervisorServiceControl}; defaults: {@code supervisorctl} from PATH, its default config, no sudo. */
    public static final class Builder extends BaseBuilder<Builder> {
        private String supervisorctl = "supervisorctl";
        private String configFile;

        private Builder(SshExecutor executor, ServiceNodes nodes) {
            super(executor, nodes);
        }

        public Builder supervisorctlPath(String path) {
            this.supervisorctl = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The supervisord configuration on the hosts ({@code -c}). */
        public Builder configFile(String path) {
            this.configFile = path;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        public SupervisorServiceControl build() {
            return new SupervisorServiceControl(this);
        }
    }
}
