package io.opsstack.opensearch;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.internal.ism.IsmResponses;
import io.opsstack.opensearch.policy.IsmExplanation;
import io.opsstack.opensearch.policy.IsmIndexResult;
import io.opsstack.opensearch.policy.IsmPolicyExport;
import io.opsstack.opensearch.policy.IsmPolicyRecord;
import io.opsstack.opensearch.policy.TierPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed client of the Index State Management plugin ({@code _plugins/_ism}), from
 * {@link OpenSearchOps#ism()}. Reads are retried on transient failures; writes are not. On a cluster
 * without the plugin every call fails with {@link IsmPluginMissingException} naming the plugin.
 *
 * <p>Thread-safe.
 */
public final class IsmApi {
    private static final String BASE = "/_plugins/_ism";
    private static final String NO_HANDLER = "no handler found";

    private final RestClient rest;

    IsmApi(RestClient rest) {
        this.rest = rest;
    }

    /** Creates the ISM policy exported from {@code policy}; fails (409) when a policy with its id exists. */
    public IsmPolicyRecord putPolicy(TierPolicy policy) {
        return putPolicy(policy.toIsm());
    }

    /** Creates a policy from an export; fails (409) when a policy with its id exists. */
    public IsmPolicyRecord putPolicy(IsmPolicyExport export) {
        return putPolicy(export.policyId(), export.json());
    }

    /** Creates a policy from its JSON document ({@code {"policy":{…}}}). */
    public IsmPolicyRecord putPolicy(String policyId, String policyJson) {
        return IsmResponses.policy(body(HttpRequest.put(BASE + "/policies/" + id(policyId))
                .body(requireJson(policyJson)).idempotent(false).build(), "PUT policy " + policyId));
    }

    /**
     * Replaces a policy only if it is still the version read as {@code current} ({@code if_seq_no},
     * {@code if_primary_term}); a concurrent change makes the server refuse it with 409.
     */
    public IsmPolicyRecord updatePolicy(IsmPolicyExport export, IsmPolicyRecord current) {
        Objects.requireNonNull(current, "current");
        return updatePolicy(export.policyId(), export.json(), current.seqNo(), current.primaryTerm());
    }

    /** Replaces a policy if its sequence number and primary term still match. */
    public IsmPolicyRecord updatePolicy(String policyId, String policyJson, long ifSeqNo, long ifPrimaryTerm) {
        return IsmResponses.policy(body(HttpRequest.put(BASE + "/policies/" + id(policyId))
                .query("if_seq_no", Long.toString(ifSeqNo)).query("if_primary_term", Long.toString(ifPrimaryTerm))
                .body(requireJson(policyJson)).idempotent(false).build(), "PUT policy " + policyId));
    }

    /** The policy, or empty when it does not exist. */
    public Optional<IsmPolicyRecord> getPolicy(String policyId) {
        String call = "GET policy " + policyId;
        HttpResponse response = send(HttpRequest.get(BASE + "/policies/" + id(policyId)).allowStatus(404).build(), call);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(IsmResponses.policy(response.bodyAsString()));
    }

    /** Every policy of the cluster. */
    public List<IsmPolicyRecord> policies() {
        return IsmResponses.policies(body(HttpRequest.get(BASE + "/policies").query("size", "1000").build(), "GET policies"));
    }

    /** Deletes a policy; false when it did not exist. */
    public boolean deletePolicy(String policyId) {
        String call = "DELETE policy " + policyId;
        return send(HttpRequest.delete(BASE + "/policies/" + id(policyId)).idempotent(false).allowStatus(404).build(), call)
                .isSuccess();
    }

    /** Puts existing indices under a policy ({@code ism_template} only catches indices created later). */
    public IsmIndexResult addPolicy(String indices, String policyId) {
        return indexCall("add", indices, Map.of("policy_id", id(policyId)));
    }

    /** Takes indices out of ISM management. */
    public IsmIndexResult removePolicy(String indices) {
        return indexCall("remove", indices, null);
    }

    /**
     * Switches managed indices to another policy, applied by ISM at a safe point.
     *
     * @param state the state to start in; null = the new policy's default state
     * @param onlyInStates switch only indices currently in one of these states; empty = all
     */
    public IsmIndexResult changePolicy(String indices, String policyId, String state, List<String> onlyInStates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy_id", id(policyId));
        if (state != null) {
            body.put("state", state);
        }
        if (onlyInStates != null && !onlyInStates.isEmpty()) {
            body.put("include", onlyInStates.stream().map(s -> Map.of("state", s)).toList());
        }
        return indexCall("change_policy", indices, body);
    }

    /** Retries the failed action of indices, or restarts them in {@code state} when it is not null. */
    public IsmIndexResult retry(String indices, String state) {
        return indexCall("retry", indices, state == null ? null : Map.of("state", state));
    }

    /** ISM's view of each index: policy, state, action, step and failure information. */
    public List<IsmExplanation> explain(String indices) {
        return IsmResponses.explain(body(HttpRequest.get(BASE + "/explain/" + RestPaths.indices(List.of(indices))).build(),
                "GET explain " + indices));
    }

    private IsmIndexResult indexCall(String verb, String indices, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.post(BASE + "/" + verb + "/" + RestPaths.indices(List.of(indices)))
                .idempotent(false);
        if (body != null) {
            request.body(Json.write(body));
        }
        String call = "POST " + verb + " " + indices;
        return IsmResponses.indexResult(body(request.build(), call), call);
    }

    private String body(HttpRequest request, String call) {
        return send(request, call).bodyAsString();
    }

    /** Sends, turning "no handler found" (the plugin's endpoints do not exist) into {@link IsmPluginMissingException}. */
    private HttpResponse send(HttpRequest request, String call) {
        HttpResponse response;
        try {
            response = rest.send(request);
        } catch (OpenSearchServiceException e) {
            if (noHandler(e.errorReason()) || noHandler(e.bodyExcerpt())) {
                throw new IsmPluginMissingException(call, e);
            }
            throw e;
        }
        if (!response.isSuccess() && noHandler(response.bodyAsString())) {
            throw new IsmPluginMissingException(call, new OpenSearchServiceException(call + " failed", null, null,
                    response.statusCode(), null, response.bodyAsString(), response.bodyAsString()));
        }
        return response;
    }

    private static boolean noHandler(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(NO_HANDLER);
    }

    private static String id(String policyId) {
        if (policyId == null || !policyId.matches("[A-Za-z0-9_.-]+")) {
            throw new OpsValidationException("ISM policy id must be letters, digits, '_', '.' or '-', was '" + policyId + "'");
        }
        return policyId;
    }

    private static String requireJson(String json) {
        if (json == null || !Json.parse(json, "policy document").has("policy")) {
            throw new OpsValidationException("an ISM policy document is a JSON object with a 'policy' field");
        }
        return json;
    }

    @Override
    public String toString() {
        return "IsmApi";
    }
}
