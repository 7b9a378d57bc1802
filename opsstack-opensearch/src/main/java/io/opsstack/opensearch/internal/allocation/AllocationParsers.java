package io.opsstack.opensearch.internal.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.model.allocation.AllocationExplanation;
import io.opsstack.opensearch.model.allocation.AwarenessWeights;
import io.opsstack.opensearch.model.allocation.CommandExplanation;
import io.opsstack.opensearch.model.allocation.DeciderDecision;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import io.opsstack.opensearch.model.allocation.NodeAllocation;
import io.opsstack.opensearch.model.allocation.NodeDecision;
import io.opsstack.opensearch.model.allocation.NodeDisk;
import io.opsstack.opensearch.model.allocation.PendingTask;
import io.opsstack.opensearch.model.allocation.RerouteResult;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lenient parsers of the allocation APIs' answers: unknown fields are ignored, required ones checked. */
public final class AllocationParsers {

    private AllocationParsers() {
    }

    public static AllocationExplanation explanation(String body) {
        JsonNode root = Json.parse(body, "allocation explain");
        JsonNode current = root.path("current_node");
        String explanation = firstText(root, "allocate_explanation", "move_explanation", "rebalance_explanation",
                "explanation");
        return new AllocationExplanation(Json.requireText(root, "index", "allocation explain"),
                Json.intOr(root, "shard", 0), Json.boolOr(root, "primary", false),
                Json.requireText(root, "current_state", "allocation explain").toUpperCase(),
                current.isObject() ? Json.text(current, "name") : null,
                upper(Json.text(root, "can_allocate")), upper(Json.text(root, "can_remain_on_current_node")),
                upper(Json.text(root, "can_move_to_other_node")), upper(Json.text(root, "can_rebalance_to_other_node")),
                explanation, deciders(root.path("can_remain_decisions")), nodeDecisions(root.path("node_allocation_decisions")));
    }

    public static RerouteResult reroute(String body, boolean dryRun) {
        JsonNode root = Json.parse(body, "cluster reroute");
        List<CommandExplanation> explanations = new ArrayList<>();
        for (JsonNode e : root.path("explanations")) {
            List<DeciderDecision> deciders = deciders(e.path("decisions"));
            String decision = deciders.stream().anyMatch(DeciderDecision::isNo) ? "NO"
                    : deciders.stream().anyMatch(d -> d.decision().startsWith("THROTTL")) ? "THROTTLE" : "YES";
            explanations.add(new CommandExplanation(String.valueOf(Json.text(e, "command")), decision, deciders));
        }
        return new RerouteResult(Json.boolOr(root, "acknowledged", false), dryRun, explanations);
    }

    public static List<NodeAllocation> catAllocation(String body) {
        JsonNode root = Json.parse(body, "_cat/allocation");
        if (!root.isArray()) {
            throw new OpenSearchResponseException("_cat/allocation answered no list: " + Json.excerpt(root));
        }
        List<NodeAllocation> rows = new ArrayList<>();
        for (JsonNode row : root) {
            Long percent = Json.longOrNull(row, "disk.percent");
            rows.add(new NodeAllocation(Json.requireText(row, "node", "_cat/allocation row"), Json.intOr(row, "shards", 0),
                    Json.longOrNull(row, "disk.indices"), Json.longOrNull(row, "disk.used"),
                    Json.longOrNull(row, "disk.avail"), Json.longOrNull(row, "disk.total"),
                    percent == null ? null : percent.intValue()));
        }
        return rows;
    }

    public static List<PendingTask> pendingTasks(String body) {
        List<PendingTask> tasks = new ArrayList<>();
        for (JsonNode t : Json.parse(body, "pending tasks").path("tasks")) {
            Long inQueue = Json.longOrNull(t, "time_in_queue_millis");
            Long order = Json.longOrNull(t, "insert_order");
            tasks.add(new PendingTask(order == null ? -1 : order, String.valueOf(Json.text(t, "priority")),
                    String.valueOf(Json.text(t, "source")), inQueue == null ? 0 : inQueue, Json.boolOr(t, "executing", false)));
        }
        return tasks;
    }

    public static List<VotingExclusion> votingExclusions(String body) {
        List<VotingExclusion> out = new ArrayList<>();
        JsonNode list = Json.parse(body, "cluster state metadata").path("metadata").path("cluster_coordination")
                .path("voting_config_exclusions");
        for (JsonNode e : list) {
            out.add(new VotingExclusion(String.valueOf(Json.text(e, "node_id")), String.valueOf(Json.text(e, "node_name"))));
        }
        return out;
    }

    public static AwarenessWeights weights(String attribute, String body) {
        JsonNode root = Json.parse(body, "awareness weights");
        Map<String, Double> weights = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("weights").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            try {
                weights.put(f.getKey(), Double.parseDouble(f.getValue().asText()));
            } catch (NumberFormatException e) {
                throw new OpenSearchResponseException("weight of " + f.getKey() + " is not a number: " + Json.excerpt(root));
            }
        }
        Long version = Json.longOrNull(root, "_version");
        return new AwarenessWeights(attribute, weights, version == null ? -1 : version);
    }

    /** The status answer is {@code {"<value>":"<STATE>"}}; an empty object means none exists. */
    public static DecommissionStatus decommission(String attribute, String body) {
        JsonNode root = Json.parse(body, "decommission status");
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isTextual()) {
                return new DecommissionStatus(attribute, f.getKey(), f.getValue().asText());
            }
        }
        return new DecommissionStatus(attribute, null, DecommissionStatus.NONE);
    }

    public static List<NodeDisk> nodeDisks(String body) {
        List<NodeDisk> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> nodes = Json.parse(body, "_nodes/stats/fs").path("nodes").fields();
        while (nodes.hasNext()) {
            Map.Entry<String, JsonNode> n = nodes.next();
            JsonNode total = n.getValue().path("fs").path("total");
            Long size = Json.longOrNull(total, "total_in_bytes");
            Long avail = Json.longOrNull(total, "available_in_bytes");
            Long free = Json.longOrNull(total, "free_in_bytes");
            if (size == null || avail == null) {
                throw new OpenSearchResponseException("node " + n.getKey() + " reported no file-system totals");
            }
            out.add(new NodeDisk(n.getKey(), Json.requireText(n.getValue(), "name", "node stats"), size, avail,
                    free == null ? avail : free));
        }
        return out;
    }

    /** {@code GET <indices>/_settings/<pattern>?flat_settings=true} → index → flat settings. */
    public static Map<String, Map<String, String>> indexSettings(String body) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> indices = Json.parse(body, "index settings").fields();
        while (indices.hasNext()) {
            Map.Entry<String, JsonNode> index = indices.next();
            Map<String, String> settings = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = index.getValue().path("settings").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                settings.put(f.getKey(), f.getValue().isArray() ? joined(f.getValue()) : f.getValue().asText());
            }
            out.put(index.getKey(), settings);
        }
        return out;
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(",", parts);
    }

    private static List<DeciderDecision> deciders(JsonNode list) {
        List<DeciderDecision> out = new ArrayList<>();
        for (JsonNode d : list) {
            out.add(new DeciderDecision(String.valueOf(Json.text(d, "decider")), String.valueOf(Json.text(d, "decision")),
                    Json.text(d, "explanation")));
        }
        return out;
    }

    private static List<NodeDecision> nodeDecisions(JsonNode list) {
        List<NodeDecision> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(new NodeDecision(String.valueOf(Json.text(n, "node_name")), Json.text(n, "node_id"),
                    String.valueOf(Json.text(n, "node_decision")), deciders(n.path("deciders"))));
        }
        return out;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = Json.text(node, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase();
    }
}
