package io.opsstack.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.model.RelocationTarget;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code _cat/shards?format=json&bytes=b} answers requested with the columns in
 * {@link #COLUMNS}. Fails closed: a row that cannot be understood raises
 * {@link OpenSearchResponseException} instead of being skipped, so callers never mistake an odd
 * answer for "no shards".
 *
 * <p>A RELOCATING row carries {@code <sourceNode> -> <targetIp> <targetNodeId> <targetNode>} in its
 * node column; the source goes to {@link ShardRow#node()}, the target to {@link ShardRow#relocatingTo()}.
 */
public final class CatShardsParser {

    /** The {@code h=} columns the parser expects. */
    public static final String COLUMNS = "index,shard,prirep,state,docs,store,ip,id,node,unassigned.reason";

    private static final String ARROW = " -> ";

    private CatShardsParser() {
    }

    /** Parses the JSON array; thread-safe. */
    public static List<ShardRow> parse(String json) {
        JsonNode root = Json.parse(json, "_cat/shards");
        if (!root.isArray()) {
            throw new OpenSearchResponseException("_cat/shards answer is not a JSON array: " + Json.excerpt(root));
        }
        List<ShardRow> rows = new ArrayList<>(root.size());
        int number = 0;
        for (JsonNode row : root) {
            number++;
            try {
                rows.add(parseRow(row));
            } catch (RuntimeException e) {
                throw new OpenSearchResponseException("unparsable _cat/shards row #" + number + " ("
                        + e.getMessage() + "): " + Json.excerpt(row), e, null);
            }
        }
        return List.copyOf(rows);
    }

    private static ShardRow parseRow(JsonNode row) {
        if (!row.isObject()) {
            throw new IllegalArgumentException("row is not an object");
        }
        String index = Json.requireText(row, "index", "row");
        Long shard = Json.longOrNull(row, "shard");
        if (shard == null) {
            throw new IllegalArgumentException("no shard number");
        }
        boolean primary = parsePrimary(Json.requireText(row, "prirep", "row"));
        ShardState state = ShardState.parse(Json.requireText(row, "state", "row"));
        String nodeColumn = Json.text(row, "node");
        String node = nodeColumn;
        RelocationTarget target = null;
        if (state == ShardState.RELOCATING) {
            if (nodeColumn == null) {
                throw new IllegalArgumentException("RELOCATING row without node column");
            }
            int arrow = nodeColumn.indexOf(ARROW);
            if (arrow <= 0) {
                throw new IllegalArgumentException("RELOCATING node column lacks '<source> -> <ip> <id> <name>'");
            }
            node = nodeColumn.substring(0, arrow).trim();
            target = parseTarget(nodeColumn.substring(arrow + ARROW.length()));
        } else if (nodeColumn != null && nodeColumn.contains(ARROW)) {
            throw new IllegalArgumentException(state + " row with a relocation arrow in its node column");
        }
        if (state == ShardState.UNASSIGNED && node != null) {
            throw new IllegalArgumentException("UNASSIGNED row names a node");
        }
        return new ShardRow(index, Math.toIntExact(shard), primary, state, Json.longOrNull(row, "docs"),
                Json.longOrNull(row, "store"), Json.text(row, "ip"), Json.text(row, "id"), node, target,
                Json.text(row, "unassigned.reason"));
    }

    private static boolean parsePrimary(String prirep) {
        return switch (prirep.trim()) {
            case "p", "primary" -> true;
            case "r", "replica" -> false;
            default -> throw new IllegalArgumentException("prirep is neither p nor r: '" + prirep + "'");
        };
    }

    /** {@code <ip> <nodeId> <nodeName>}; the name is the rest, so names with spaces survive. */
    private static RelocationTarget parseTarget(String text) {
        String[] parts = text.trim().split(" ", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isBlank()) {
            throw new IllegalArgumentException("relocation target is not '<ip> <id> <name>'");
        }
        return new RelocationTarget(parts[0], parts[1], parts[2].trim());
    }
}
