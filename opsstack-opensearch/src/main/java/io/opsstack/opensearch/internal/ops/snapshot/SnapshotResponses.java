package io.opsstack.opensearch.internal.ops.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.secret.Redaction;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.model.snapshot.SnapshotRepository;
import io.opsstack.opensearch.model.snapshot.SnapshotState;

/** Parses the answers of the {@code _snapshot} APIs. */
public final class SnapshotResponses {

    private static final int FAILURE_EXCERPT = 300;

    private SnapshotResponses() {
    }

    /** {@code GET _snapshot/<name>}: {@code {"<name>":{"type":…,"settings":{…}}}}. */
    public static SnapshotRepository parseRepository(String name, String body) {
        JsonNode repository = Json.parse(body, "GET _snapshot/" + name).get(name);
        if (repository == null || !repository.isObject()) {
            throw new OpenSearchResponseException("answer to GET _snapshot/" + name + " lacks the repository");
        }
        Map<String, String> settings = new TreeMap<>();
        flatten("", repository.path("settings"), settings);
        return new SnapshotRepository(name, Json.requireText(repository, "type", "repository " + name), settings);
    }

    /** {@code POST _snapshot/<name>/_verify}: names of the nodes that verified it. */
    public static List<String> parseVerifiedNodes(String name, String body) {
        List<String> nodes = new ArrayList<>();
        Json.parse(body, "verify repository " + name).path("nodes").forEach(node -> {
            String nodeName = Json.text(node, "name");
            if (nodeName != null) {
                nodes.add(nodeName);
            }
        });
        nodes.sort(null);
        return nodes;
    }

    /** {@code GET _snapshot/<repo>/<names>}: {@code {"snapshots":[…]}}. */
    public static List<SnapshotInfo> parseSnapshots(String repository, String body) {
        List<SnapshotInfo> snapshots = new ArrayList<>();
        for (JsonNode snapshot : Json.parse(body, "GET _snapshot/" + repository).path("snapshots")) {
            snapshots.add(parseSnapshot(repository, snapshot));
        }
        return snapshots;
    }

    static SnapshotInfo parseSnapshot(String repository, JsonNode snapshot) {
        List<String> indices = new ArrayList<>();
        snapshot.path("indices").forEach(index -> indices.add(index.asText()));
        indices.sort(null);
        List<String> failures = new ArrayList<>();
        snapshot.path("failures").forEach(failure -> failures.add(Redaction.excerpt(
                failure.isTextual() ? failure.asText() : failure.toString(), FAILURE_EXCERPT)));
        JsonNode shards = snapshot.path("shards");
        return new SnapshotInfo(repository, Json.requireText(snapshot, "snapshot", "snapshot entry"),
                SnapshotState.parse(Json.text(snapshot, "state")), indices,
                Json.intOr(shards, "total", 0), Json.intOr(shards, "successful", 0), Json.intOr(shards, "failed", 0),
                instant(Json.longOrNull(snapshot, "start_time_in_millis")),
                instant(Json.longOrNull(snapshot, "end_time_in_millis")), failures);
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null || epochMillis <= 0 ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                flatten(prefix + field.getKey() + ".", field.getValue(), into);
            } else {
                into.put(prefix + field.getKey(), field.getValue().asText());
            }
        }
    }
}
