package io.opsstack.victoria.ops.backup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options {@link VmBackupRequest.Builder} and {@link VmRestoreRequest.Builder} share: which nodes,
 * their data paths, the tool's extra flags and its time limit. Public only so that both builders
 * offer them; not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class NodeCommandBuilder<B extends NodeCommandBuilder<B>> {
    List<String> nodes = List.of();
    final Map<String, String> storageDataPaths = new LinkedHashMap<>();
    List<String> extraFlags = List.of();
    Duration commandTimeout = VmBackupRequest.DEFAULT_COMMAND_TIMEOUT;

    NodeCommandBuilder() {
    }

    /** The vmstorage nodes, in this order; none means every node. */
    public B nodes(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
        return self();
    }

    public B nodes(String... nodes) {
        return nodes(List.of(nodes));
    }

    /** The node's {@code -storageDataPath}, an absolute path. */
    public B storageDataPath(String node, String path) {
        storageDataPaths.put(Objects.requireNonNull(node, "node"), path);
        return self();
    }

    public B storageDataPaths(Map<String, String> paths) {
        storageDataPaths.clear();
        storageDataPaths.putAll(paths);
        return self();
    }

    /** Further flags of the tool, each {@code -name=value}. */
    public B extraFlags(List<String> flags) {
        this.extraFlags = List.copyOf(flags);
        return self();
    }

    public B extraFlags(String... flags) {
        return extraFlags(List.of(flags));
    }

    /** The limit for one node's run of the tool. */
    public B commandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
