package io.opsstack.victoria;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.internal.VmJson;
import io.opsstack.victoria.model.ComponentType;

/**
 * vmstorage's HTTP admin surface (also served by single-node): snapshots, force merge and force
 * flush. Snapshots are per node. Only listing is retried; creating and deleting are not.
 *
 * <p>Thread-safe.
 */
public final class VmStorageClient extends VmComponentClient {
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[0-9A-Za-z_-]+");
    private static final Pattern PARTITION_PREFIX = Pattern.compile("\\d{4}(_\\d{2})?");

    VmStorageClient(VmCalls calls, boolean ownsTransport) {
        super(ComponentType.VMSTORAGE, calls, ownsTransport);
    }

    public static VmStorageClient create(HttpClientOptions options) {
        return create(options, AdminAuthKeys.none());
    }

    /** With the {@code -snapshotAuthKey}, {@code -forceMergeAuthKey}, {@code -forceFlushAuthKey} in {@code authKeys}. */
    public static VmStorageClient create(HttpClientOptions options, AdminAuthKeys authKeys) {
        return new VmStorageClient(new VmCalls(Transports.create(options, ComponentType.VMSTORAGE), authKeys), true);
    }

    /** {@code /snapshot/create}: returns the new snapshot's name. */
    public String createSnapshot() {
        JsonNode root = calls().json(calls().admin(HttpRequest.get("/snapshot/create"), AdminAuthKeys.Purpose.SNAPSHOT, false),
                "snapshot create");
        String name = root.path("snapshot").asText("");
        if (name.isEmpty()) {
            throw new OpsValidationException(calls().serviceName() + " snapshot create returned no snapshot name");
        }
        return name;
    }

    /** {@code /snapshot/list}, oldest first. */
    public List<String> listSnapshots() {
        JsonNode root = calls().json(calls().admin(HttpRequest.get("/snapshot/list"), AdminAuthKeys.Purpose.SNAPSHOT, true),
                "snapshot list");
        return VmJson.strings(root.path("snapshots"));
    }

    /** {@code /snapshot/delete?snapshot=name}. */
    public void deleteSnapshot(String name) {
        if (name == null || !SNAPSHOT_NAME.matcher(name).matches()) {
            throw new OpsValidationException("not a snapshot name: '" + name + "'");
        }
        calls().json(calls().admin(HttpRequest.get("/snapshot/delete").query("snapshot", name), AdminAuthKeys.Purpose.SNAPSHOT,
                false), "snapshot delete");
    }

    /** {@code /snapshot/delete_all}. */
    public void deleteAllSnapshots() {
        calls().json(calls().admin(HttpRequest.get("/snapshot/delete_all"), AdminAuthKeys.Purpose.SNAPSHOT, false),
                "snapshot delete_all");
    }

    /** {@code /internal/force_merge} of every partition; runs in the background ({@code vm_active_force_merges}). */
    public void forceMerge() {
        calls().admin(HttpRequest.get("/internal/force_merge"), AdminAuthKeys.Purpose.FORCE_MERGE, false);
    }

    /** {@code /internal/force_merge?partition_prefix=YYYY_MM} (or {@code YYYY}). */
    public void forceMerge(String partitionPrefix) {
        if (partitionPrefix == null || !PARTITION_PREFIX.matcher(partitionPrefix).matches()) {
            throw new OpsValidationException("partition prefix must look like YYYY_MM, was '" + partitionPrefix + "'");
        }
        calls().admin(HttpRequest.get("/internal/force_merge").query("partition_prefix", partitionPrefix),
                AdminAuthKeys.Purpose.FORCE_MERGE, false);
    }

    /** {@code /internal/force_flush}: makes recently ingested samples searchable now. Idempotent. */
    public void forceFlush() {
        calls().admin(HttpRequest.get("/internal/force_flush"), AdminAuthKeys.Purpose.FORCE_FLUSH, true);
    }
}
