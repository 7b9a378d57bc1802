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
import io.opsstack.api.internal.json.Json;
import io.opsstack.victoria.internal.ops.backup.BackupCommands;

/**
 * A restore of a cluster backup: per vmstorage node, one at a time, stop its service, {@code vmrestore}
 * the node's backup into its {@code -storageDataPath} (files not in the backup are deleted), start it
 * and wait until it is healthy.
 *
 * @param manifest         the backup's manifest; it must name exactly the cluster's vmstorage nodes
 * @param nodes            the nodes to restore, in this order; empty means every manifest entry in order
 * @param storageDataPaths per node, a data path other than the one in the manifest
 * @param vmrestoreCommand the vmrestore binary on the hosts (default {@code vmrestore})
 * @param extraFlags       further vmrestore flags, e.g. {@code -credsFilePath=…}
 * @param commandTimeout   the limit for one node's vmrestore run
 * @param serviceTimeout   the limit for stopping or starting a node's service
 * @param healthTimeout    how long a started node may take to become healthy
 */
public record VmRestoreRequest(VmBackupManifest manifest, List<String> nodes, Map<String, String> storageDataPaths,
                               String vmrestoreCommand, List<String> extraFlags, Duration commandTimeout,
                               Duration serviceTimeout, Duration healthTimeout) implements Serializable {
    public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> MAP_KEYS = Set.of("manifest", "nodes", "storage_data_paths", "vmrestore_command",
            "extra_flags", "command_timeout", "service_timeout", "health_timeout");

    public VmRestoreRequest {
        Objects.requireNonNull(manifest, "manifest");
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        for (String node : nodes) {
            manifest.entry(node);
        }
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new OpsValidationException("restore nodes must not repeat, were " + nodes);
        }
        storageDataPaths = Map.copyOf(Objects.requireNonNull(storageDataPaths, "storageDataPaths"));
        storageDataPaths.forEach((node, path) -> BackupCommands.absolutePath(path, "storage data path of " + node));
        if (vmrestoreCommand == null || vmrestoreCommand.isBlank()) {
            throw new OpsValidationException("vmrestoreCommand must not be blank");
        }
        extraFlags = BackupCommands.extraFlags(extraFlags, BackupCommands.VMRESTORE_OWN_FLAGS, "vmrestore");
        BackupCommands.positive(commandTimeout, "commandTimeout");
        BackupCommands.positive(serviceTimeout, "serviceTimeout");
        BackupCommands.positive(healthTimeout, "healthTimeout");
    }

    /** A restore of every node of {@code manifest} with the defaults. */
    public static VmRestoreRequest of(VmBackupManifest manifest) {
        return builder(manifest).build();
    }

    public static Builder builder(VmBackupManifest manifest) {
        return new Builder(manifest);
    }

    public Builder toBuilder() {
        return new Builder(manifest).nodes(nodes).storageDataPaths(storageDataPaths).vmrestoreCommand(vmrestoreCommand)
                .extraFlags(extraFlags).commandTimeout(commandTimeout).serviceTimeout(serviceTimeout).healthTimeout(healthTimeout);
    }

    /**
     * Keys: {@code manifest} (required: the manifest as a map or as JSON text), {@code nodes},
     * {@code storage_data_paths}, {@code vmrestore_command}, {@code extra_flags}, {@code command_timeout},
     * {@code service_timeout}, {@code health_timeout}.
     */
    public static VmRestoreRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "restore");
        Object manifest = map.get("manifest");
        if (manifest == null) {
            throw new OpsValidationException("a restore needs 'manifest'");
        }
        Builder b = builder(manifest instanceof Map<?, ?> m ? VmBackupManifest.fromMap(m)
                : VmBackupManifest.fromMap(Json.parseObject(manifest.toString(), "backup manifest")))
                .nodes(OptionMaps.strings(map, "nodes")).extraFlags(OptionMaps.strings(map, "extra_flags"));
        OptionMaps.nested(map, "storage_data_paths").forEach((node, path) -> b.storageDataPath(node, String.valueOf(path)));
        if (map.get("vmrestore_command") != null) {
            b.vmrestoreCommand(OptionMaps.string(map, "vmrestore_command"));
        }
        if (map.get("command_timeout") != null) {
            b.commandTimeout(OptionMaps.duration(map, "command_timeout"));
        }
        if (map.get("service_timeout") != null) {
            b.serviceTimeout(OptionMaps.duration(map, "service_timeout"));
        }
        if (map.get("health_timeout") != null) {
            b.healthTimeout(OptionMaps.duration(map, "health_timeout"));
        }
        return b.build();
    }

    /** The nodes this restore touches, in order. */
    public List<String> effectiveNodes() {
        return nodes.isEmpty() ? manifest.nodes() : nodes;
    }

    /** Where the node's data is restored to. */
    public String storageDataPath(String node) {
        return storageDataPaths.getOrDefault(node, manifest.entry(node).storageDataPath());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("manifest", manifest.toMap());
        map.put("nodes", new ArrayList<>(nodes));
        map.put("storage_data_paths", new LinkedHashMap<>(storageDataPaths));
        map.put("vmrestore_command", vmrestoreCommand);
        map.put("extra_flags", new ArrayList<>(extraFlags));
        map.put("command_timeout", commandTimeout.toString());
        map.put("service_timeout", serviceTimeout.toString());
        map.put("health_timeout", healthTimeout.toString());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder extends NodeCommandBuilder<Builder> {
        private final VmBackupManifest manifest;
        private String vmrestoreCommand = "vmrestore";
        private Duration serviceTimeout = DEFAULT_SERVICE_TIMEOUT;
        private Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;

        private Builder(VmBackupManifest manifest) {
            this.manifest = Objects.requireNonNull(manifest, "manifest");
        }

        public Builder vmrestoreCommand(String command) {
            this.vmrestoreCommand = command;
            return this;
        }

        public Builder serviceTimeout(Duration serviceTimeout) {
            this.serviceTimeout = serviceTimeout;
            return this;
        }

        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
            return this;
        }

        public VmRestoreRequest build() {
            return new VmRestoreRequest(manifest, nodes, storageDataPaths, vmrestoreCommand, extraFlags, commandTimeout,
                    serviceTimeout, healthTimeout);
        }
    }
}
