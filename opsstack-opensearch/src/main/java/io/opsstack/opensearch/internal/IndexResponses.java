package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.IndexSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the index-level answers: {@code _cat/indices}, {@code _settings}, {@code _bulk}, {@code _count}. */
public final class IndexResponses {
    /** The {@code h=} columns {@link #parseCatIndices} expects. */
    public static final String CAT_INDICES_COLUMNS = "index,uuid,health,status,docs.count,store.size,creation.date,pri,rep";
    private static final int MAX_REPORTED_ERRORS = 5;

    private IndexResponses() {
    }

    public static List<IndexRow> parseCatIndices(String body) {
        JsonNode root = Json.parse(body, "_cat/indices");
        if (!root.isArray()) {
            throw new OpenSearchResponseException("_cat/indices answer is not a JSON array");
        }
        List<IndexRow> rows = new ArrayList<>();
        for (JsonNode row : root) {
            try {
                String health = Json.text(row, "health");
                Long created = Json.longOrNull(row, "creation.date");
                rows.add(new IndexRow(Json.requireText(row, "index", "row"), Json.text(row, "uuid"),
                        health == null ? null : HealthStatus.parse(health), Json.requireText(row, "status", "row"),
                        Json.longOrNull(row, "docs.count"), Json.longOrNull(row, "store.size"),
                        created == null ? null : Instant.ofEpochMilli(created),
                        Json.intOr(row, "pri", 0), Json.intOr(row, "rep", 0)));
            } catch (RuntimeException e) {
                throw new OpenSearchResponseException("unparsable _cat/indices row (" + e.getMessage() + "): "
                        + Json.excerpt(row), e, null);
            }
        }
        return List.copyOf(rows);
    }

    /** The flattened settings of {@code index} from {@code GET <index>/_settings?flat_settings=true}. */
    public static IndexSettings parseIndexSettings(String index, String body) {
        JsonNode entry = Json.parse(body, index + "/_settings").get(index);
        if (entry == null || !entry.has("settings")) {
            throw new OpenSearchResponseException("settings answer has no entry for index " + index);
        }
        return new IndexSettings(index, SettingsFlattener.flatten(entry.get("settings")));
    }

    public static BulkResult parseBulk(String body) {
        JsonNode root = Json.parse(body, "_bulk");
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new OpenSearchResponseException("_bulk answer has no items");
        }
        int ok = 0;
        int failed = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
            JsonNode error = result.get("error");
            if (error == null || error.isNull()) {
                ok++;
                continue;
            }
            failed++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(Json.text(error, "type") + ": " + Json.text(error, "reason"));
            }
        }
        return new BulkResult(ok, failed, errors);
    }

    public static long parseCount(String body) {
        Long count = Json.longOrNull(Json.parse(body, "_count"), "count");
        if (count == null) {
            throw new OpenSearchResponseException("_count answer has no count");
        }
        return count;
    }
}
