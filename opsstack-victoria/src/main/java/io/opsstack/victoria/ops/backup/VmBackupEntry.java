package io.opsstack.victoria.ops.backup;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.internal.json.MapReader;

/**
 * One vmstorage node's part of a cluster backup.
 *
 * @param node            the node's name in the cluster definition
 * @param httpAddress     its HTTP address at backup time
 * @param snapshot        the snapshot vmbackup read (deleted afterwards)
 * @param storageDataPath the node's {@code -storageDataPath}, where a restore writes
 * @param destination     where vmbackup wrote, e.g. {@code fs:///backups/vm/node140_8482/20260101-000000}
 * @param startedAt       when the snapshot was taken
 * @param finishedAt      when vmbackup ended
 * @param sizeBytes       bytes vmbackup reported backing up, or -1 when unknown
 * @param version         the node's {@code vm_app_version}, or empty when it reports none (Debian builds)
 */
public record VmBackupEntry(String node, String httpAddress, String snapshot, String storageDataPath, String destination,
                            Instant startedAt, Instant finishedAt, long sizeBytes, String version) implements Serializable {

    public VmBackupEntry {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(httpAddress, "httpAddress");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(storageDataPath, "storageDataPath");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        version = version == null ? "" : version;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("http", httpAddress);
        map.put("snapshot", snapshot);
        map.put("storage_data_path", storageDataPath);
        map.put("destination", destination);
        map.put("started_at", startedAt.toString());
        map.put("finished_at", finishedAt.toString());
        map.put("size_bytes", sizeBytes);
        map.put("version", version);
        return map;
    }

    /** Reads what {@link #toMap()} wrote; a missing or mistyped field is an {@link io.opsstack.api.error.OpsValidationException}. */
    public static VmBackupEntry fromMap(Map<?, ?> map) {
        MapReader in = new MapReader(map, "backup manifest entry");
        return new VmBackupEntry(in.string("node"), in.string("http"), in.string("snapshot"), in.string("storage_data_path"),
                in.string("destination"), in.instant("started_at"), in.instant("finished_at"), in.longValue("size_bytes"),
                in.optionalString("version"));
    }
}
