package io.opsstack.opensearch.internal.ops.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.StepContext;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;

/**
 * Raises {@code index.unassigned.node_left.delayed_timeout} of every open index while a node is down, so the
 * cluster waits for it instead of rebuilding its replicas elsewhere, and puts each index's prior value back
 * (saved once in the journal; unset stays unset).
 */
final class DelayedAllocationWindow {

    static final String KEY = "index.unassigned.node_left.delayed_timeout";
    private static final String SAVED = "delayed_timeout.prior";

    private final RestClient rest;
    private final Duration raised;

    DelayedAllocationWindow(RestClient rest, Duration raised) {
        this.rest = rest;
        this.raised = raised;
    }

    void open(StepContext context) {
        if (raised == null) {
            return;
        }
        if (context.savedValue(SAVED).isEmpty()) {
            context.saveValue(SAVED, Json.write(priorValues()));
        }
        put("_all", RestPaths.timeValue(raised));
    }

    void close(OperationContext context) {
        Optional<SavedValue> saved = context.savedValue(SAVED);
        if (saved.isEmpty() || saved.get().value() == null) {
            return;
        }
        Map<String, List<String>> indicesByValue = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = Json.parse(saved.get().value(), "saved delayed timeouts").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getValue().isNull() ? null : field.getValue().asText();
            indicesByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(field.getKey());
        }
        indicesByValue.forEach((value, indices) -> put(RestPaths.indices(indices), value));
    }

    private Map<String, String> priorValues() {
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> indices = Json.parse(rest.body(HttpRequest.get("/_all/_settings")
                .query("flat_settings", "true").query("expand_wildcards", "open").build()), "index settings").fields();
        while (indices.hasNext()) {
            Map.Entry<String, JsonNode> index = indices.next();
            values.put(index.getKey(), Json.text(index.getValue().path("settings"), KEY));
        }
        return values;
    }

    private void put(String indices, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(KEY, value);
        rest.body(HttpRequest.put("/" + indices + "/_settings").query("expand_wildcards", "open")
                .query("ignore_unavailable", "true").body(Json.write(body)).idempotent(true).build());
    }
}
