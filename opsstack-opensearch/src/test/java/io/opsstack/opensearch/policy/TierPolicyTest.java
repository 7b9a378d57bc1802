package io.opsstack.opensearch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsstack.api.error.OpsValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy model: structure checks, phase selection by age, dates in names, map form and ISM export. */
public class TierPolicyTest {

    /** hot → warm (1d) → cold (2d: read-only, no replicas, force merge) → delete (3d), ages from logs-yyyy.MM.dd. */
    public static TierPolicy lifecycle() {
        return TierPolicy.builder("logs-lifecycle")
                .age(IndexAge.fromName("logs-yyyy.MM.dd"))
                .phase(PolicyPhase.of("hot", Duration.ZERO, TierActions.require("temp", "hot"))
                        .withRollover(new RolloverConditions("50gb", null, null, Duration.ofDays(1))))
                .phase(PolicyPhase.of("warm", Duration.ofDays(1), TierActions.require("temp", "warm"),
                        TierActions.indexPriority(50)))
                .phase(PolicyPhase.of("cold", Duration.ofDays(2), TierActions.replicas(0),
                        TierActions.require("temp", "cold"), TierActions.readOnly(), TierActions.forceMerge(1)))
                .phase(PolicyPhase.of("delete", Duration.ofDays(3), TierActions.delete()))
                .build();
    }

    @Test
    void phaseFollowsAgeAlongTheTransitions() {
        TierPolicy policy = lifecycle();
        assertEquals("hot", policy.phaseFor(Duration.ofHours(23)).name());
        assertEquals("warm", policy.phaseFor(Duration.ofDays(1)).name());
        assertEquals("cold", policy.phaseFor(Duration.ofHours(71)).name());
        assertEquals("delete", policy.phaseFor(Duration.ofDays(400)).name());
        assertEquals(List.of("logs-*"), policy.indexPatterns());
    }

    @Test
    void readsAndWritesDatesInIndexNames() {
        IndexAge.NameDates dates = IndexAge.fromName("logs-yyyy.MM.dd").nameDates();
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), dates.dateOf("logs-2026.11.21"));
        assertNull(dates.dateOf("logs-2026.02.30"), "no such day");
        assertNull(dates.dateOf("logs-archive"));
        assertNull(dates.dateOf("metrics-2026.11.21"));
        assertEquals("logs-2026.11.23", dates.nameFor(LocalDate.of(2026, 11, 23)));
        assertThrows(OpsValidationException.class, () -> IndexAge.fromName("logs-current"));
        assertThrows(OpsValidationException.class, () -> IndexAge.fromName("yyyy.MM.dd"));
    }

    @Test
    void malformedPoliciesAreRefusedWithEveryReason() {
        OpsValidationException unknownPhase = assertThrows(OpsValidationException.class, () -> TierPolicy.builder("p")
                .indices("logs-*")
                .phase(PolicyPhase.of("hot", Duration.ZERO).withNext("frozen"))
                .phase(PolicyPhase.of("warm", Duration.ofDays(1)))
                .build());
        assertTrue(unknownPhase.getMessage().contains("'frozen', which is not a phase"), unknownPhase.getMessage());

        OpsValidationException decreasing = assertThrows(OpsValidationException.class, () -> TierPolicy.builder("p")
                .indices("logs-*")
                .phase(PolicyPhase.of("hot", Duration.ZERO))
                .phase(PolicyPhase.of("cold", Duration.ofDays(5)))
                .phase(PolicyPhase.of("warm", Duration.ofDays(2)))
                .build());
        assertTrue(decreasing.getMessage().contains("ages must not decrease"), decreasing.getMessage());

        OpsValidationException afterDelete = assertThrows(OpsValidationException.class, () -> TierPolicy.builder("p")
                .indices("logs-*")
                .phase(PolicyPhase.of("hot", Duration.ZERO))
                .phase(PolicyPhase.of("delete", Duration.ofDays(5), TierActions.delete()))
                .phase(PolicyPhase.of("after", Duration.ofDays(6)))
                .build());
        assertTrue(afterDelete.getMessage().contains("cannot transition"), afterDelete.getMessage());

        assertThrows(OpsValidationException.class, () -> PolicyPhase.of("cold", Duration.ZERO, TierActions.delete(),
                TierActions.readOnly()));
        assertThrows(OpsValidationException.class, () -> PolicyPhase.of("cold", Duration.ZERO, TierActions.close(),
                TierActions.replicas(0)));
        assertThrows(OpsValidationException.class, () -> TierActions.require("temp", "warm,cold"));
        assertThrows(OpsValidationException.class, () -> TierPolicy.builder("p").phase(PolicyPhase.of("hot", Duration.ZERO)).build(),
                "an age from the creation date needs explicit index patterns");
    }

    @Test
    void mapFormRoundTrips() {
        TierPolicy policy = lifecycle();
        assertEquals(policy, TierPolicy.fromMap(policy.toMap()));
        assertThrows(OpsValidationException.class, () -> TierPolicy.fromMap(Map.of("name", "p", "speed", "fast")));
    }

    @Test
    void exportsDocumentedIsmJsonWithObjectAllocationsAndAgeConditions() throws Exception {
        IsmPolicyExport export = lifecycle().toIsm();
        JsonNode policy = new ObjectMapper().readTree(export.json()).path("policy");

        assertEquals("hot", policy.path("default_state").asText());
        JsonNode hot = policy.path("states").path(0);
        assertEquals("50gb", hot.path("actions").path(0).path("rollover").path("min_size").asText());
        JsonNode allocation = hot.path("actions").path(1).path("allocation");
        assertTrue(allocation.path("require").isObject(), allocation.toString());
        assertEquals("hot", allocation.path("require").path("temp").asText());
        assertTrue(allocation.path("wait_for").isBoolean(), allocation.toString());
        assertEquals("warm", hot.path("transitions").path(0).path("state_name").asText());
        assertEquals("1d", hot.path("transitions").path(0).path("conditions").path("min_index_age").asText());

        JsonNode cold = policy.path("states").path(2);
        assertEquals(0, cold.path("actions").path(0).path("replica_count").path("number_of_replicas").asInt());
        assertTrue(cold.path("actions").path(2).has("read_only"));
        assertEquals(1, cold.path("actions").path(3).path("force_merge").path("max_num_segments").asInt());
        assertEquals("3d", cold.path("transitions").path(0).path("conditions").path("min_index_age").asText());

        JsonNode delete = policy.path("states").path(3);
        assertTrue(delete.path("actions").path(0).path("delete").isObject());
        assertEquals(0, delete.path("transitions").size());
        assertEquals("logs-*", policy.path("ism_template").path(0).path("index_patterns").path(0).asText());
        assertTrue(export.warnings().stream().anyMatch(w -> w.contains("creation date")), export.warnings().toString());
    }
}
