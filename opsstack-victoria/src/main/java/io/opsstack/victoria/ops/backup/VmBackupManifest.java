package io.opsstack.victoria.ops.backup;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.internal.json.MapReader;

/**
 * What a cluster backup wrote: one entry per vmstorage node, in the order they were backed up.
 * Written as JSON to {@code <destination>/manifests/<backup name>.json} (for {@code fs://}
 * destinations) and returned by the backup; a restore is planned from it.
 *
 * @param formatVersion version of the serialised form, "major.minor"
 * @param cluster       the cluster definition's name
 * @param backupName    the name shared by every node's backup directory
 * @param destination   the destination root
 * @param startedAt     when the first snapshot was taken
 * @param finishedAt    when the last node's backup ended
 * @param entries       one per node, node names unique
 */
public record VmBackupManifest(String formatVersion, String cluster, String backupName, String destination,
                               Instant startedAt, Instant finishedAt, List<VmBackupEntry> entries) implements Serializable {

    public VmBackupManifest {
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(backupName, "backupName");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (entries.isEmpty()) {
            throw new OpsValidationException("a backup manifest needs at least one node entry");
        }
        Set<String> nodes = new HashSet<>();
        for (VmBackupEntry entry : entries) {
            if (!nodes.add(entry.node())) {
                throw new OpsValidationException("backup manifest lists node " + entry.node() + " twice");
            }
        }
    }

    /** The entry of a node by name. */
    public VmBackupEntry entry(String node) {
        return entries.stream().filter(entry -> entry.node().equals(node)).findFirst()
                .orElseThrow(() -> new OpsValidationException("backup " + backupName + " has no entry for node " + node));
    }

    public List<String> nodes() {
        return entries.stream().map(VmBackupEntry::node).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(FormatVersion.KEY, formatVersion);
        map.put("cluster", cluster);
        map.put("backup_name", backupName);
        map.put("destination", destination);
        map.put("started_at", startedAt.toString());
        map.put("finished_at", finishedAt.toString());
        map.put("nodes", entries.stream().map(VmBackupEntry::toMap).toList());
        return map;
    }

    public String toJson() {
        return Json.pretty(toMap());
    }

    /**
     * Reads what {@link #toMap()} wrote.
     *
     * @throws OpsValidationException for a malformed manifest or a newer major format version
     */
    public static VmBackupManifest fromMap(Map<?, ?> map) {
        MapReader in = new MapReader(map, "backup manifest");
        String version = in.string(FormatVersion.KEY);
        FormatVersion.check(version, "backup manifest");
        List<VmBackupEntry> entries = new ArrayList<>();
        for (Object raw : in.list("nodes")) {
            if (!(raw instanceof Map<?, ?> entry)) {
                throw new OpsValidationException("backup manifest nodes must be objects, got " + raw);
            }
            entries.add(VmBackupEntry.fromMap(entry));
        }
        return new VmBackupManifest(version, in.string("cluster"), in.string("backup_name"), in.string("destination"),
                in.instant("started_at"), in.instant("finished_at"), entries);
    }

    /** @throws OpsValidationException for text that is not a manifest */
    public static VmBackupManifest fromJson(String json) {
        return fromMap(Json.parseObject(json, "backup manifest"));
    }

    @Override
    public String toString() {
        return "VmBackupManifest[" + cluster + " " + backupName + " at " + destination + ", nodes " + nodes() + "]";
    }
}
