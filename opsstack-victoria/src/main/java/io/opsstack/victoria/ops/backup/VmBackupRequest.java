package io.opsstack.victoria.ops.backup;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.victoria.internal.ops.backup.BackupCommands;

/**
 * A cluster backup: per vmstorage node a snapshot, {@code vmbackup} of it to
 * {@code <destination>/<node>/<backupName>} on the node's host, and the snapshot's deletion; then a
 * manifest of every node.
 *
 * @param destination      {@code fs:///absolute/dir}, {@code s3://bucket/path} or {@code gs://bucket/path}; on
 *                         {@code fs://} each host writes to its own file system (mount a shared one to keep
 *                         backups off the hosts)
 * @param nodes            vmstorage node names to back up, in this order; empty means every node in definition order
 * @param storageDataPaths per node, its {@code -storageDataPath} when {@code /flags} does not show an absolute one
 * @param vmbackupCommand  the vmbackup binary on the hosts (default {@code vmbackup}, found on the PATH)
 * @param extraFlags       further vmbackup flags, e.g. {@code -credsFilePath=/etc/vm/s3.creds}, {@code -concurrency=2}
 * @param backupName       the name of this backup's directories; null means the plan's creation time ({@code yyyyMMdd-HHmmss})
 * @param commandTimeout   the limit for one node's vmbackup run
 */
public record VmBackupRequest(String destination, List<String> nodes, Map<String, String> storageDataPaths,
                              String vmbackupCommand, List<String> extraFlags, String backupName, Duration commandTimeout)
        implements Serializable {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofHours(2);
    private static final Set<String> MAP_KEYS = Set.of("destination", "nodes", "storage_data_paths", "vmbackup_command",
            "extra_flags", "backup_name", "command_timeout");

    public VmBackupRequest {
        destination = BackupCommands.destination(destination);
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new OpsValidationException("backup nodes must not repeat, were " + nodes);
        }
        storageDataPaths = Map.copyOf(Objects.requireNonNull(storageDataPaths, "storageDataPaths"));
        storageDataPaths.forEach((node, path) -> BackupCommands.absolutePath(path, "storage data path of " + node));
        if (vmbackupCommand == null || vmbackupCommand.isBlank()) {
            throw new OpsValidationException("vmbackupCommand must not be blank");
        }
        extraFlags = BackupCommands.extraFlags(extraFlags, BackupCommands.VMBACKUP_OWN_FLAGS, "vmbackup");
        if (backupName != null) {
            BackupCommands.backupName(backupName);
        }
        BackupCommands.positive(commandTimeout, "commandTimeout");
    }

    /** A backup of every vmstorage node to {@code destination} with the defaults. */
    public static VmBackupRequest to(String destination) {
        return builder().destination(destination).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().destination(destination).nodes(nodes).storageDataPaths(storageDataPaths)
                .vmbackupCommand(vmbackupCommand).extraFlags(extraFlags).backupName(backupName).commandTimeout(commandTimeout);
    }

    /**
     * Keys: {@code destination} (required), {@code nodes} (list or comma-separated), {@code storage_data_paths}
     * (node to path), {@code vmbackup_command}, {@code extra_flags}, {@code backup_name}, {@code command_timeout}
     * ({@code 2h}, {@code PT30M}).
     */
    public static VmBackupRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "backup");
        Builder b = builder().destination(OptionMaps.requiredString(map, "destination", "a backup"))
                .nodes(OptionMaps.strings(map, "nodes")).extraFlags(OptionMaps.strings(map, "extra_flags"))
                .backupName(OptionMaps.string(map, "backup_name"));
        OptionMaps.nested(map, "storage_data_paths").forEach((node, path) -> b.storageDataPath(node, String.valueOf(path)));
        if (map.get("vmbackup_command") != null) {
            b.vmbackupCommand(OptionMaps.string(map, "vmbackup_command"));
        }
        if (map.get("command_timeout") != null) {
            b.commandTimeout(OptionMaps.duration(map, "command_timeout"));
        }
        return b.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("destination", destination);
        map.put("nodes", new ArrayList<>(nodes));
        map.put("storage_data_paths", new LinkedHashMap<>(storageDataPaths));
        map.put("vmbackup_command", vmbackupCommand);
        map.put("extra_flags", new ArrayList<>(extraFlags));
        map.put("backup_name", backupName);
        map.put("command_timeout", commandTimeout.toString());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder extends NodeCommandBuilder<Builder> {
        private String destination;
        private String vmbackupCommand = "vmbackup";
        private String backupName;

        private Builder() {
        }

        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        public Builder vmbackupCommand(String command) {
            this.vmbackupCommand = command;
            return this;
        }

        public Builder backupName(String backupName) {
            this.backupName = backupName;
            return this;
        }

        public VmBackupRequest build() {
            return new VmBackupRequest(destination, nodes, storageDataPaths, vmbackupCommand, extraFlags, backupName,
                    commandTimeout);
        }
    }
}
