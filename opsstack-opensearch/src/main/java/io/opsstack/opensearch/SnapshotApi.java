package io.opsstack.opensearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.internal.ops.snapshot.SnapshotResponses;
import io.opsstack.opensearch.internal.ops.snapshot.RestoreDefinition;
import io.opsstack.opensearch.internal.ops.snapshot.SnapshotDefinition;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.model.snapshot.SnapshotRepository;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;

/**
 * Snapshot repositories, snapshots and restores of one cluster ({@link OpenSearchOps#snapshots()}): plain calls,
 * plus {@link #snapshotOperation} and {@link #restoreOperation} as planned, guarded, resumable operations.
 *
 * <pre>{@code
 * os.snapshots().putFsRepository("backups", "/mnt/backups");
 * Operation<SnapshotInfo> snapshot = os.snapshots().snapshotOperation(SnapshotRequest.builder()
 *         .repository("backups").snapshot("before-upgrade").build());
 * snapshot.apply(snapshot.plan(), ApplyOptions.defaults());
 * }</pre>
 *
 * <p>Thread-safe; shares the transport of its {@link OpenSearchOps}.
 */
public final class SnapshotApi {

    private final OpenSearchOps ops;
    private final RestClient rest;

    SnapshotApi(OpenSearchOps ops, RestClient rest) {
        this.ops = ops;
        this.rest = rest;
    }

    // ---- repositories ---------------------------------------------------------------------------

    /**
     * Registers (or updates) a shared-file-system repository at {@code location}, which must be listed in
     * {@code path.repo} of every node. Idempotent. Returns whether the cluster manager acknowledged it.
     */
    public boolean putFsRepository(String name, String location) {
        if (location == null || location.isBlank()) {
            throw new OpsValidationException("an fs repository needs a location");
        }
        return putRepository(name, "fs", Map.of("location", location));
    }

    /** Registers (or updates) a repository of any type with its settings. Idempotent. */
    public boolean putRepository(String name, String type, Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings");
        if (type == null || type.isBlank()) {
            throw new OpsValidationException("a repository needs a type");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("settings", settings);
        return acknowledged(rest.body(HttpRequest.put(repositoryPath(name)).body(Json.write(body))
                .idempotent(true).build()), "PUT _snapshot/" + name);
    }

    /** The repository, or empty when none has that name. */
    public Optional<SnapshotRepository> repository(String name) {
        HttpResponse response = rest.send(HttpRequest.get(repositoryPath(name)).allowStatus(404).build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(SnapshotResponses.parseRepository(name, response.bodyAsString()));
    }

    /** Asks every node to write to and read from the repository; returns the names of the nodes that could. */
    public List<String> verifyRepository(String name) {
        return SnapshotResponses.parseVerifiedNodes(name, rest.body(HttpRequest.post(repositoryPath(name) + "/_verify")
                .idempotent(true).build()));
    }

    /** Unregisters the repository (its files stay); false when it did not exist. */
    public boolean deleteRepository(String name) {
        return rest.send(HttpRequest.delete(repositoryPath(name)).idempotent(true).allowStatus(404).build()).isSuccess();
    }

    // ---- snapshots ------------------------------------------------------------------------------

    /**
     * Starts a snapshot without waiting for it ({@code wait_for_completion=false}); follow it with
     * {@link #snapshotStatus}. Not retried: a second start of the same name fails.
     */
    public void createSnapshot(SnapshotRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.indices().isEmpty()) {
            body.put("indices", String.join(",", request.indices()));
        }
        body.put("include_global_state", request.includeGlobalState());
        rest.body(HttpRequest.put(snapshotPath(request.repository(), request.snapshot()))
                .query("wait_for_completion", "false").body(Json.write(body)).idempotent(false).build());
    }

    /** The snapshot with its state and shard counts, or empty when the repository has no such snapshot. */
    public Optional<SnapshotInfo> snapshotStatus(String repository, String snapshot) {
        HttpResponse response = rest.send(HttpRequest.get(snapshotPath(repository, snapshot)).allowStatus(404).build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return SnapshotResponses.parseSnapshots(repository, response.bodyAsString()).stream().findFirst();
    }

    /** Every snapshot of the repository, oldest first. */
    public List<SnapshotInfo> snapshots(String repository) {
        return SnapshotResponses.parseSnapshots(repository, rest.body(HttpRequest.get(repositoryPath(repository) + "/_all")
                .build()));
    }

    /** Deletes a snapshot; false when it did not exist. */
    public boolean deleteSnapshot(String repository, String snapshot) {
        return rest.send(HttpRequest.delete(snapshotPath(repository, snapshot)).idempotent(true).allowStatus(404)
                .build()).isSuccess();
    }

    /**
     * Starts a restore without waiting ({@code wait_for_completion=false}); the restored indices recover
     * afterwards. Not retried.
     */
    public void restore(RestoreRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.indices().isEmpty()) {
            body.put("indices", String.join(",", request.indices()));
        }
        body.put("include_global_state", false);
        if (request.renamePattern() != null) {
            body.put("rename_pattern", request.renamePattern());
            body.put("rename_replacement", request.renameReplacement());
        }
        rest.body(HttpRequest.post(snapshotPath(request.repository(), request.snapshot()) + "/_restore")
                .query("wait_for_completion", "false").body(Json.write(body)).idempotent(false).build());
    }

    // ---- operations -----------------------------------------------------------------------------

    /**
     * Takes a snapshot as an operation: guards {@code repository-verified} (every node can use the
     * repository) and {@code snapshot-name-free}; waits until the snapshot is SUCCESS (PARTIAL or FAILED fail
     * the step). The result is the finished snapshot.
     */
    public Operation<SnapshotInfo> snapshotOperation(SnapshotRequest request) {
        return PlanExecutor.operation(new SnapshotDefinition(ops, this, request));
    }

    /** {@link #snapshotOperation(SnapshotRequest)} from a map (see {@link SnapshotRequest#fromMap}). */
    public Operation<SnapshotInfo> snapshotOperation(Map<String, ?> request) {
        return snapshotOperation(SnapshotRequest.fromMap(request));
    }

    /**
     * Restores indices as an operation: guards {@code snapshot-successful} and {@code restore-targets-absent}
     * (no restored name collides with an existing index); waits until every restored index is green.
     * Unknown repositories, snapshots or indices are refused by {@code plan()}.
     */
    public Operation<Void> restoreOperation(RestoreRequest request) {
        return PlanExecutor.operation(new RestoreDefinition(ops, this, request));
    }

    /** {@link #restoreOperation(RestoreRequest)} from a map (see {@link RestoreRequest#fromMap}). */
    public Operation<Void> restoreOperation(Map<String, ?> request) {
        return restoreOperation(RestoreRequest.fromMap(request));
    }

    @Override
    public String toString() {
        return "SnapshotApi[" + ops + "]";
    }

    private static String repositoryPath(String repository) {
        return "/_snapshot/" + RestPaths.index(name(repository, "repository"));
    }

    private static String snapshotPath(String repository, String snapshot) {
        return repositoryPath(repository) + "/" + RestPaths.index(name(snapshot, "snapshot"));
    }

    private static String name(String value, String what) {
        if (value == null || value.isBlank() || value.startsWith("_")) {
            throw new OpsValidationException("invalid " + what + " name '" + value + "'");
        }
        return value;
    }

    private static boolean acknowledged(String body, String what) {
        return Json.boolOr(Json.parse(body, what), "acknowledged", false);
    }
}
