package io.opsstack.ssh.rolling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.internal.rolling.GateSettings;

/**
 * Healthy when a command run on the node over SSH exits with an accepted code (0 unless the
 * command allows others), e.g. {@code curl -fsS localhost:9200/_cluster/health} on hosts whose
 * service listens on loopback only. A host that cannot be reached fails the probe. Immutable and
 * thread-safe.
 */
public final class CommandHealthGate implements HealthGate {
    private static final int EXCERPT_CHARS = 200;

    private final String name;
    private final Command command;
    private final GateTiming timing;

    private CommandHealthGate(Builder builder) {
        this.name = GateSettings.requireName(builder.name);
        this.command = Objects.requireNonNull(builder.command, "command");
        this.timing = Objects.requireNonNull(builder.timing, "timing");
    }

    /** A gate named {@code name} running {@code command}; give the command a short timeout of its own. */
    public static Builder builder(String name, Command command) {
        return new Builder(name, command);
    }

    public Builder toBuilder() {
        return new Builder(name, command).timing(timing);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe(ServiceNode node) {
        return "`" + command.display() + "` on " + node.target() + " exits " + accepted();
    }

    @Override
    public Duration timeout() {
        return timing.timeout();
    }

    @Override
    public Duration pollInterval() {
        return timing.pollInterval();
    }

    @Override
    public GateProbe probe(ServiceNode node, SshExecutor ssh) {
        CommandResult result;
        try {
            result = ssh.run(node.target(), command.toBuilder().check(false).build());
        } catch (OpsClientException e) {
            return GateProbe.fail("`" + command.display() + "` could not run on " + node.target() + ": " + e.getMessage());
        }
        if (command.allowedExitCodes().contains(result.exitCode())) {
            return GateProbe.pass("`" + command.display() + "` exited " + result.exitCode());
        }
        String stderr = result.stderr().strip();
        return GateProbe.fail("`" + command.display() + "` exited " + result.exitCode() + ", expected " + accepted()
                + (stderr.isEmpty() ? "" : ": " + Redaction.excerpt(command.mask(stderr), EXCERPT_CHARS)));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", HealthGates.TYPE_COMMAND);
        map.put("name", name);
        map.put("command", command.display());
        map.putAll(timing.toMap());
        return map;
    }

    @Override
    public String toString() {
        return "CommandHealthGate[" + name + ": " + command.display() + "]";
    }

    private String accepted() {
        return command.allowedExitCodes().size() == 1 ? String.valueOf(command.allowedExitCodes().iterator().next())
                : "one of " + command.allowedExitCodes();
    }

    /** Builder of {@link CommandHealthGate}; default timing {@link GateTiming#defaults()}. */
    public static final class Builder {
        private final String name;
        private final Command command;
        private GateTiming timing = GateTiming.defaults();

        private Builder(String name, Command command) {
            this.name = name;
            this.command = command;
        }

        public Builder timing(GateTiming gateTiming) {
            this.timing = gateTiming;
            return this;
        }

        public Builder timing(Duration timeout, Duration pollInterval) {
            return timing(GateTiming.of(timeout, pollInterval));
        }

        public CommandHealthGate build() {
            return new CommandHealthGate(this);
        }
    }
}
