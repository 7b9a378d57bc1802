package io.opsstack.opensearch.ism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.opensearch.IsmApi;
import io.opsstack.opensearch.IsmPluginMissingException;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.OpenSearchServiceException;
import io.opsstack.opensearch.policy.IsmExplanation;
import io.opsstack.opensearch.policy.IsmIndexResult;
import io.opsstack.opensearch.policy.IsmPolicyRecord;
import io.opsstack.opensearch.policy.TierPolicy;
import io.opsstack.opensearch.policy.TierPolicyTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ISM client against answers written after the documented ISM API (the plugin cannot run in the lab). */
class IsmApiTest {
    private static final String POLICY = "/_plugins/_ism/policies/logs-lifecycle";
    private final IsmSimulator server = new IsmSimulator();
    private final OpenSearchOps os = OpenSearchOps.builder().endpoints(server.endpoint())
            .retryPolicy(RetryPolicy.none()).build();
    private final IsmApi ism = os.ism();

    @AfterEach
    void close() {
        os.close();
        server.close();
    }

    @Test
    void getPolicyKeepsSequenceNumbersAndEpochMillisBeyondInt() {
        server.answer("GET", POLICY, 200, "get-policy.json");
        IsmPolicyRecord policy = ism.getPolicy("logs-lifecycle").orElseThrow();
        assertEquals(12, policy.seqNo());
        assertEquals(2, policy.primaryTerm());
        assertEquals(3, policy.version());
        assertTrue(1763780400123L > Integer.MAX_VALUE);
        assertEquals(Instant.ofEpochMilli(1763780400123L), policy.lastUpdated());
        assertEquals("hot", policy.defaultState());
        assertEquals(List.of("hot", "warm", "delete"), policy.stateNames());
    }

    @Test
    void missingPolicyIsEmptyAndDeleteReportsAbsence() {
        server.answer("GET", POLICY, 404, "policy-not-found.json").answer("DELETE", POLICY, 404, "policy-not-found.json");
        assertTrue(ism.getPolicy("logs-lifecycle").isEmpty());
        assertFalse(ism.deletePolicy("logs-lifecycle"));
    }

    @Test
    void updateQuotesSequenceNumberAndPrimaryTermAndSurfacesConflicts() throws Exception {
        server.answer("GET", POLICY, 200, "get-policy.json").answer("PUT", POLICY, 200, "put-policy.json");
        IsmPolicyRecord current = ism.getPolicy("logs-lifecycle").orElseThrow();
        TierPolicy policy = TierPolicyTest.lifecycle();

        IsmPolicyRecord updated = ism.updatePolicy(policy.toIsm(), current);

        assertEquals("if_seq_no=12&if_primary_term=2", server.last().query());
        JsonNode sent = new ObjectMapper().readTree(server.last().body());
        assertEquals("hot", sent.path("policy").path("default_state").asText());
        assertEquals(13, updated.seqNo());
        assertEquals(Instant.ofEpochMilli(1763784000456L), updated.lastUpdated());

        server.answer("PUT", POLICY, 409, "version-conflict.json");
        OpenSearchServiceException conflict = assertThrows(OpenSearchServiceException.class,
                () -> ism.updatePolicy(policy.toIsm(), current));
        assertEquals(409, conflict.statusCode());
        assertEquals("version_conflict_engine_exception", conflict.errorType());
    }

    @Test
    void listsPolicies() {
        server.answer("GET", "/_plugins/_ism/policies", 200, "list-policies.json");
        List<IsmPolicyRecord> policies = ism.policies();
        assertEquals(List.of("logs-lifecycle", "metrics"), policies.stream().map(IsmPolicyRecord::policyId).toList());
        assertEquals(List.of("open", "gone"), policies.get(1).stateNames());
    }

    @Test
    void addReportsPerIndexFailuresAndChangePolicyAndRetrySendTheirBodies() throws Exception {
        server.answer("POST", "/_plugins/_ism/add/logs-*", 200, "add-partial-failure.json")
                .answer("POST", "/_plugins/_ism/change_policy/logs-*", 200, "change-ok.json")
                .answer("POST", "/_plugins/_ism/retry/logs-2026.11.19", 200, "change-ok.json")
                .answer("POST", "/_plugins/_ism/remove/logs-*", 200, "change-ok.json");
        ObjectMapper json = new ObjectMapper();

        IsmIndexResult added = ism.addPolicy("logs-*", "logs-lifecycle");
        assertEquals(Map.of("policy_id", "logs-lifecycle"), json.readValue(server.last().body(), Map.class));
        assertEquals(1, added.updatedIndices());
        assertTrue(added.failures());
        assertTrue(added.failedIndices().get("logs-2026.11.19").contains("already has a policy"));

        IsmIndexResult changed = ism.changePolicy("logs-*", "logs-lifecycle", "warm", List.of("hot"));
        assertEquals(json.readTree("{\"policy_id\":\"logs-lifecycle\",\"state\":\"warm\",\"include\":[{\"state\":\"hot\"}]}"),
                json.readTree(server.last().body()));
        assertEquals(2, changed.updatedIndices());
        assertFalse(changed.failures());

        ism.retry("logs-2026.11.19", "cold");
        assertEquals(json.readTree("{\"state\":\"cold\"}"), json.readTree(server.last().body()));
        assertEquals(2, ism.removePolicy("logs-*").updatedIndices());
    }

    @Test
    void explainGivesStateActionStepAndFailurePerIndex() {
        server.answer("GET", "/_plugins/_ism/explain/logs-*", 200, "explain.json");
        List<IsmExplanation> all = ism.explain("logs-*");
        assertEquals(3, all.size());

        IsmExplanation waiting = all.get(0);
        assertEquals("warm", waiting.state());
        assertEquals("allocation", waiting.action());
        assertEquals("attempt_allocation", waiting.step());
        assertEquals("condition_not_met", waiting.stepStatus());
        assertEquals(Instant.ofEpochMilli(1763690400000L), waiting.stateStartTime());
        assertFalse(waiting.failed());

        IsmExplanation failed = all.get(1);
        assertTrue(failed.failed());
        assertEquals(Boolean.FALSE, failed.enabled());
        assertEquals(3, failed.consumedRetries());
        assertEquals("failed", failed.stepStatus());
        assertTrue(failed.cause().contains("FORBIDDEN/8/index write"), failed.cause());
        assertTrue(failed.toString().contains("FAILED"), failed.toString());

        IsmExplanation unmanaged = all.get(2);
        assertFalse(unmanaged.managed());
        assertNull(unmanaged.enabled());
        assertNull(unmanaged.state());
    }

    @Test
    void unknownEndpointMeansThePluginIsMissing() {
        IsmPluginMissingException missing = assertThrows(IsmPluginMissingException.class, () -> ism.explain("logs-*"));
        assertEquals("opensearch-index-management", missing.plugin());
        assertTrue(missing.getMessage().contains("no handler found"), missing.getMessage());
    }
}
