package io.opsstack.victoria.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.SshExecutor;

/**
 * Flags files on the nodes' hosts, read and replaced over SSH on the targets of the same
 * {@link ServiceNodes} a systemd or supervisor service control uses. A write goes to a temporary file
 * beside the target that then replaces it ({@code mv}), creating the directory if needed (a drop-in
 * directory usually does not exist yet). Thread-safe if the executor is.
 */
public final class SshFlagFiles implements FlagFileAccess {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final String READ = "if [ -e \"$1\" ]; then cat -- \"$1\"; fi";
    private static final String WRITE = "mkdir -p -- \"$(dirname -- \"$1\")\" && cat > \"$1.opsstack-new\" && mv -f -- \"$1.opsstack-new\" \"$1\"";

    private final SshExecutor ssh;
    private final ServiceNodes nodes;
    private final Map<String, String> paths;
    private final boolean sudo;

    private SshFlagFiles(SshExecutor ssh, ServiceNodes nodes, Map<String, String> paths, boolean sudo) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.paths = Map.copyOf(paths);
        this.sudo = sudo;
    }

    /** @param paths node name to the absolute path of its flags file on its host */
    public static SshFlagFiles of(SshExecutor ssh, ServiceNodes nodes, Map<String, String> paths) {
        return new SshFlagFiles(ssh, nodes, Objects.requireNonNull(paths, "paths"), false);
    }

    /** Each node's systemd drop-in {@link FileFlagSource#dropInPath} of its service unit. */
    public static SshFlagFiles systemdDropIns(SshExecutor ssh, ServiceNodes nodes) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (ServiceNode node : nodes.nodes()) {
            paths.put(node.node(), FileFlagSource.dropInPath(node.service()));
        }
        return new SshFlagFiles(ssh, nodes, paths, false);
    }

    /** The same files, read and written through {@code sudo -n} (e.g. under {@code /etc}). */
    public SshFlagFiles withSudo() {
        return new SshFlagFiles(ssh, nodes, paths, true);
    }

    @Override
    public String read(String node) {
        return ssh.run(nodes.get(node).target(), command(READ, node).build()).stdout();
    }

    @Override
    public void write(String node, String content) {
        ssh.run(nodes.get(node).target(), command(WRITE, node).stdin(content.getBytes(StandardCharsets.UTF_8)).build());
    }

    @Override
    public String location(String node) {
        return nodes.get(node).target() + ":" + path(node);
    }

    private Command.Builder command(String script, String node) {
        return Command.builder().args("sh", "-c", script, "sh", path(node)).sudo(sudo).timeout(COMMAND_TIMEOUT);
    }

    private String path(String node) {
        String path = paths.get(node);
        if (path == null) {
            throw new OpsValidationException("no flags file path known for node '" + node + "'; known: " + paths.keySet(), node);
        }
        return path;
    }

    @Override
    public String toString() {
        return "SshFlagFiles" + paths.keySet() + (sudo ? " (sudo)" : "");
    }
}
