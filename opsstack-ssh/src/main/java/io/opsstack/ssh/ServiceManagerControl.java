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
 * A {@link ServiceControl} that runs a service manager's command line tool over SSH
 * ({@code <tool> start|stop|restart <service>}) and then polls the service's state until it is the
 * wanted one within the timeout. {@link SystemdServiceControl} and {@link SupervisorServiceControl}
 * are the two kinds; the class is public only so that their builders share their common options.
 * Thread-safe.
 */
public abstract class ServiceManagerControl implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceManagerControl.class);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    private final SshExecutor executor;
    private final ServiceNodes nodes;
    private final boolean sudo;
    private final Duration pollInterval;

    ServiceManagerControl(BaseBuilder<?> builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        this.sudo = builder.sudo;
        this.pollInterval = Objects.requireNonNull(builder.pollInterval, "pollInterval");
    }

    /** The tool and its options before the verb, e.g. {@code supervisorctl -c /etc/supervisord.conf}. */
    abstract List<String> toolWords();

    /** Whether the tool's answer to {@code verb} means done; some tools exit non-zero for "already started". */
    abstract boolean succeeded(String verb, CommandResult result);

    /** Runs the tool with a query or housekeeping verb on the node's host; any exit code is returned, not raised. */
    final CommandResult status(ServiceNode target, String... arguments) {
        return run(target, STATUS_TIMEOUT, arguments);
    }

    /** Runs {@code verb} for the node's service, then waits for one of the wanted states. */
    final void change(String node, String verb, Duration timeout, Set<ServiceState> wanted, Set<ServiceState> failing) {
        ServiceNode target = nodes.get(node);
        long deadline = System.nanoTime() + timeout.toNanos();
        String what = toolWords().get(0) + " " + verb + " " + target.service() + " on node " + node;
        LOG.info("{} ({})", what, target.target());
        CommandResult result = run(target, timeout, verb, target.service());
        if (!succeeded(verb, result)) {
            throw new RemoteCommandException(result);
        }
        ServiceWaiter.await(what, target.target().toString(), wanted, failing, deadline, pollInterval, () -> state(node));
    }

    final ServiceNode node(String node) {
        return nodes.get(node);
    }

    private CommandResult run(ServiceNode target, Duration timeout, String... arguments) {
        List<String> words = new ArrayList<>(toolWords());
        words.addAll(List.of(arguments));
        Command command = Command.builder().args(words).sudo(sudo).timeout(timeout).check(false).build();
        return executor.run(target.target(), command);
    }

    /** The options every service manager control has; defaults: no sudo, 500 ms polls. */
    public abstract static class BaseBuilder<B extends BaseBuilder<B>> {
        private final SshExecutor executor;
        private final ServiceNodes nodes;
        private boolean sudo;
        private Duration pollInterval = Duration.ofMillis(500);

        BaseBuilder(SshExecutor executor, ServiceNodes nodes) {
            this.executor = executor;
            this.nodes = nodes;
        }

        abstract B self();

        /** Run the tool through {@code sudo -n}. */
        public B sudo(boolean enabled) {
            this.sudo = enabled;
            return self();
        }

        /** How often the service's state is read while waiting for it to change. */
        public B pollInterval(Duration interval) {
            this.pollInterval = interval;
            return self();
        }
    }
}
