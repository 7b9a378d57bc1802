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
import io.opsstack.ssh.internal.ShellQuoting;

/**
 * {@link ServiceControl} from shell command templates (as the old {@code <service>.sh
 * start|stop|status} scripts): {@code {node}} and {@code {service}} are replaced by the quoted node
 * and service names. The status command decides the state by its exit code: 0 = ACTIVE, anything
 * else = INACTIVE. Without a restart template, restart is stop then start. Thread-safe.
 */
public final class CommandTemplateServiceControl implements ServiceControl {
    private static final Logger LOG = LoggerFactory.getLogger(CommandTemplateServiceControl.class);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

    private final SshExecutor executor;
    private final ServiceNodes nodes;
    private final String startTemplate;
    private final String stopTemplate;
    private final String statusTemplate;
    private final String restartTemplate;
    private final boolean sudo;
    private final Duration pollInterval;

    private CommandTemplateServiceControl(Builder builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        this.startTemplate = required(builder.startTemplate, "start");
        this.stopTemplate = required(builder.stopTemplate, "stop");
        this.statusTemplate = required(builder.statusTemplate, "status");
        this.restartTemplate = builder.restartTemplate;
        this.sudo = builder.sudo;
        this.pollInterval = builder.pollInterval;
    }

    public static Builder builder(SshExecutor executor, ServiceNodes nodes) {
        return new Builder(executor, nodes);
    }

    @Override
    public void stop(String node, Duration timeout) {
        change(node, "stop", stopTemplate, timeout, ServiceState.INACTIVE);
    }

    @Override
    public void start(String node, Duration timeout) {
        change(node, "start", startTemplate, timeout, ServiceState.ACTIVE);
    }

    @Override
    public void restart(String node, Duration timeout) {
        if (restartTemplate == null) {
            long deadline = System.nanoTime() + timeout.toNanos();
            stop(node, timeout);
            start(node, ServiceWaiter.remaining(deadline));
            return;
        }
        change(node, "restart", restartTemplate, timeout, ServiceState.ACTIVE);
    }

    @Override
    public ServiceState state(String node) {
        ServiceNode target = nodes.get(node);
        CommandResult result = executor.run(target.target(),
                render(statusTemplate, target).toBuilder().timeout(STATUS_TIMEOUT).check(false).build());
        return result.exitCode() == 0 ? ServiceState.ACTIVE : ServiceState.INACTIVE;
    }

    private void change(String node, String verb, String template, Duration timeout, ServiceState wanted) {
        ServiceNode target = nodes.get(node);
        long deadline = System.nanoTime() + timeout.toNanos();
        LOG.info("{} {} on node {} ({})", verb, target.service(), node, target.target());
        executor.run(target.target(), render(template, target).toBuilder().timeout(timeout).build());
        ServiceWaiter.await(verb + " " + target.service() + " on node " + node, target.target().toString(),
                Set.of(wanted), Set.of(), deadline, pollInterval, () -> state(node));
    }

    private Command render(String template, ServiceNode target) {
        String script = template.replace("{node}", ShellQuoting.quote(target.node()))
                .replace("{service}", ShellQuoting.quote(target.service()));
        return Command.builder().shell(script).sudo(sudo).build();
    }

    private static String required(String template, String what) {
        if (template == null || template.isBlank()) {
            throw new OpsValidationException("the " + what + " command template is required");
        }
        return template;
    }

    /** Builder of {@link CommandTemplateServiceControl}; start, stop and status templates are required. */
    public static final class Builder {
        private final SshExecutor executor;
        private final ServiceNodes nodes;
        private String startTemplate;
        private String stopTemplate;
        private String statusTemplate;
        private String restartTemplate;
        private boolean sudo;
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(SshExecutor executor, ServiceNodes nodes) {
            this.executor = executor;
            this.nodes = nodes;
        }

        /** E.g. {@code ~/bin/{service}.sh start}. */
        public Builder startTemplate(String template) {
            this.startTemplate = template;
            return this;
        }

        public Builder stopTemplate(String template) {
            this.stopTemplate = template;
            return this;
        }

        /** Exit code 0 means running. */
        public Builder statusTemplate(String template) {
            this.statusTemplate = template;
            return this;
        }

        /** Optional; without it restart is stop then start. */
        public Builder restartTemplate(String template) {
            this.restartTemplate = template;
            return this;
        }

        public Builder sudo(boolean enabled) {
            this.sudo = enabled;
            return this;
        }

        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        public CommandTemplateServiceControl build() {
            return new CommandTemplateServiceControl(this);
        }
    }
}
