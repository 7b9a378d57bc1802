package io.opsstack.opensearch.internal.ism;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.policy.IsmExplanation;
import io.opsstack.opensearch.policy.IsmIndexResult;
import io.opsstack.opensearch.policy.IsmPolicyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the documented ISM answers leniently; epoch-millisecond times are read as longs. */
public final class IsmResponses {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private IsmResponses() {
    }

    /** GET and PUT policy answers: {@code {_id,_version,_seq_no,_primary_term,policy:{…}}} (PUT nests {@code policy.policy}). */
    public static IsmPolicyRecord policy(String body) {
        return policy(Json.parse(body, "ISM policy"));
    }

    /** {@code GET _plugins/_ism/policies}: {@code {policies:[…], total_policies}}. */
    public static List<IsmPolicyRecord> policies(String body) {
        JsonNode root = Json.parse(body, "ISM policy list");
        JsonNode list = root.get("policies");
        if (list == null || !list.isArray()) {
            throw new OpenSearchResponseException("ISM policy list lacks 'policies': " + Json.excerpt(root));
        }
        List<IsmPolicyRecord> policies = new ArrayList<>();
        list.forEach(node -> policies.add(policy(node)));
        return policies;
    }

    /** add / remove / change_policy / retry: {@code {updated_indices, failures, failed_indices:[{index_name, reason}]}}. */
    public static IsmIndexResult indexResult(String body, String what) {
        JsonNode root = Json.parse(body, what);
        Map<String, String> failed = new LinkedHashMap<>();
        JsonNode list = root.path("failed_indices");
        for (JsonNode failure : list) {
            String name = Json.text(failure, "index_name");
            failed.put(name == null ? "<unnamed>" : name, Json.text(failure, "reason"));
        }
        if (Json.boolOr(root, "failures", false) && failed.isEmpty()) {
            failed.put("<unnamed>", "the server reported failures without naming indices");
        }
        return new IsmIndexResult(Json.intOr(root, "updated_indices", 0), failed);
    }

    /** {@code GET _plugins/_ism/explain/<index>}: one object per index plus {@code total_managed_indices}. */
    public static List<IsmExplanation> explain(String body) {
        JsonNode root = Json.parse(body, "ISM explain");
        if (!root.isObject()) {
            throw new OpenSearchResponseException("ISM explain answer is not an object: " + Json.excerpt(root));
        }
        List<IsmExplanation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                out.add(explanation(field.getKey(), field.getValue()));
            }
        }
        return out;
    }

    private static IsmExplanation explanation(String index, JsonNode node) {
        String policyId = Json.text(node, "policy_id");
        if (policyId == null) {
            policyId = Json.text(node, "index.plugins.index_state_management.policy_id");
        }
        if (policyId == null) {
            policyId = Json.text(node, "index.opendistro.index_state_management.policy_id");
        }
        JsonNode state = node.path("state");
        JsonNode action = node.path("action");
        JsonNode step = node.path("step");
        JsonNode retry = node.path("retry_info");
        JsonNode info = node.path("info");
        JsonNode enabled = node.get("enabled");
        boolean failed = Json.boolOr(action, "failed", false) || Json.boolOr(retry, "failed", false)
                || "failed".equals(Json.text(step, "step_status"));
        int retries = Math.max(Json.intOr(action, "consumed_retries", 0), Json.intOr(retry, "consumed_retries", 0));
        return new IsmExplanation(Json.text(node, "index") == null ? index : Json.text(node, "index"),
                Json.text(node, "index_uuid"), policyId,
                enabled == null || enabled.isNull() ? null : enabled.asBoolean(),
                Json.text(state, "name"), millis(state, "start_time"),
                Json.text(action, "name"), millis(action, "start_time"),
                Json.text(step, "name"), millis(step, "start_time"), Json.text(step, "step_status"),
                failed, retries, Json.text(info, "message"), Json.text(info, "cause"));
    }

    private static IsmPolicyRecord policy(JsonNode node) {
        JsonNode policy = node.path("policy");
        if (policy.has("policy") && policy.get("policy").isObject()) {
            policy = policy.get("policy");
        }
        if (!policy.isObject()) {
            throw new OpenSearchResponseException("ISM policy answer lacks 'policy': " + Json.excerpt(node));
        }
        String id = Json.text(node, "_id");
        if (id == null) {
            id = Json.requireText(policy, "policy_id", "ISM policy");
        }
        Long version = Json.longOrNull(node, "_version");
        Long seqNo = Json.longOrNull(node, "_seq_no");
        Long primaryTerm = Json.longOrNull(node, "_primary_term");
        return new IsmPolicyRecord(id, version == null ? 0 : version, seqNo == null ? -1 : seqNo,
                primaryTerm == null ? 0 : primaryTerm, millis(policy, "last_updated_time"),
                Json.mapper().convertValue(policy, MAP));
    }

    private static Instant millis(JsonNode node, String field) {
        Long value = Json.longOrNull(node, field);
        return value == null || value <= 0 ? null : Instant.ofEpochMilli(value);
    }
}
