package io.opsstack.victoria.ops.backup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.SshExecutor;

/**
 * Runs backup commands over SSH on the target each vmstorage node name maps to (the same
 * {@link ServiceNodes} a systemd or supervisor service control uses). Optionally through
 * {@code sudo -n} when the storage directory belongs to another user. Thread-safe; does not close
 * the executor.
 */
public final class SshBackupCommandRunner implements BackupCommandRunner {
    private final SshExecutor ssh;
    private final ServiceNodes nodes;
    private final boolean sudo;

    private SshBackupCommandRunner(SshExecutor ssh, ServiceNodes nodes, boolean sudo) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.sudo = sudo;
    }

    /** Runs commands as the SSH login user. */
    public static SshBackupCommandRunner create(SshExecutor ssh, ServiceNodes nodes) {
        return new SshBackupCommandRunner(ssh, nodes, false);
    }

    /** Runs commands through {@code sudo -n} (as root). */
    public static SshBackupCommandRunner withSudo(SshExecutor ssh, ServiceNodes nodes) {
        return new SshBackupCommandRunner(ssh, nodes, true);
    }

    @Override
    public String run(String node, List<String> command, String stdin, Duration timeout) {
        Command.Builder builder = Command.builder().args(command).sudo(sudo).timeout(timeout);
        if (stdin != null) {
            builder.stdin(stdin.getBytes(StandardCharsets.UTF_8));
        }
        CommandResult result = ssh.run(nodes.get(node).target(), builder.build());
        return result.stdout() + result.stderr();
    }

    @Override
    public String toString() {
        return "SshBackupCommandRunner[" + nodes.nodes().size() + " nodes" + (sudo ? ", sudo" : "") + "]";
    }
}
