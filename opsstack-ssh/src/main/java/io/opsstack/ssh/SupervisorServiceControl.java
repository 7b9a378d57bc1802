package io.opsstack.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.ssh.internal.ServiceWaiter;

/**
 * {@link ServiceControl} through {@code supervisorctl [-c conf] start|stop|restart|status <program>}
 * over SSH (what {@code supervisor.sh} did). Starting a running program or stopping a stopped one
 * succeeds. Thread-safe.
 */
public final class SupervisorServiceControl implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorServiceControl.class);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    private final SshExecutor executor;
    private final ServiceNodes nodes;
    private final boolean sudo;
    private final String supervisorctl;
    private final String configFile;
    private final Duration pollInterval;

    private SupervisorServiceControl(Builder builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        this.sudo = builder.sudo;
        this.supervisorctl = builder.supervisorctl;
        this.configFile = builder.configFile;
        this.pollInterval = builder.pollInterval;
    }

    public static Builder builder(SshExecutor executor, ServiceNodes nodes) {
        return new Builder(executor, nodes);
    }

    @Override
    public void stop(String node, Duration timeout) {
        change(node, "stop", "not running", timeout, Set.of(ServiceState.INACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public void start(String node, Duration timeout) {
        change(node, "start", "already started", timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public void restart(String node, Duration timeout) {
        change(node, "restart", null, timeout, Set.of(ServiceState.ACTIVE), Set.of(ServiceState.FAILED));
    }

    @Override
    public ServiceState state(String node) {
        return programStatus(node).serviceState();
    }

    /** The program's status line as supervisor reports it. */
    public SupervisorProgramStatus programStatus(String node) {
        ServiceNode target = nodes.get(node);
        // status exits non-zero when the program is not running; the text decides
        CommandResult result = executor.run(target.target(),
                command(STATUS_TIMEOUT, "status", target.service()).toBuilder().check(false).build());
        return SupervisorProgramStatus.parse(target.service(), result.stdout());
    }

    private void change(String node, String verb, String alreadyDone, Duration timeout, Set<ServiceState> wanted,
                        Set<ServiceState> failing) {
        ServiceNode target = nodes.get(node);
        long deadline = System.nanoTime() + timeout.toNanos();
        LOG.info("supervisorctl {} {} on node {} ({})", verb, target.service(), node, target.target());
        Command command = command(timeout, verb, target.service());
        CommandResult result = executor.run(target.target(), command.toBuilder().check(false).build());
        boolean idempotentNoOp = alreadyDone != null && result.stdout().contains(alreadyDone);
        if (result.exitCode() != 0 && !idempotentNoOp) {
            throw new RemoteCommandException(result);
        }
        ServiceWaiter.await("supervisorctl " + verb + " " + target.service() + " on node " + node, target.target().toString(),
                wanted, failing, deadline, pollInterval, () -> state(node));
    }

    private Command command(Duration timeout, String verb, String program) {
        List<String> words = new ArrayList<>(List.of(supervisorctl));
        if (configFile != null) {
            words.addAll(List.of("-c", configFile));
        }
        words.addAll(List.of(verb, program));
        return Command.builder().args(words).sudo(sudo).timeout(timeout).build();
    }

    /** Builder of {@link SupervisorServiceControl}; defaults: {@code supervisorctl} from PATH, its default config, no sudo. */
    public static final class Builder {
        private final SshExecutor executor;
        private final ServiceNodes nodes;
        private boolean sudo;
        private String supervisorctl = "supervisorctl";
        private String configFile;
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(SshExecutor executor, ServiceNodes nodes) {
            this.executor = executor;
            this.nodes = nodes;
        }

        public Builder sudo(boolean enabled) {
            this.sudo = enabled;
            return this;
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

        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        public SupervisorServiceControl build() {
            return new SupervisorServiceControl(this);
        }
    }
}
