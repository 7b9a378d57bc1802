package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

/** Script forms, defaults and validation of the operation requests. */
class OperationRequestsTest {

    @Test
    void switchoverFromMapReadsEveryKeyAndRefusesUnknownOnes() {
        SwitchoverPlanRequest request = SwitchoverPlanRequest.fromMap(Map.of("candidate", "pg2", "max_lag_bytes", 4096,
                "convergence_timeout", "PT90S", "scheduled_at", "2030-01-01T02:00:00+01:00"));
        assertEquals("pg2", request.candidate());
        assertEquals(4096, request.maxLagBytes());
        assertEquals(Duration.ofSeconds(90), request.convergenceTimeout());
        assertEquals(OffsetDateTime.parse("2030-01-01T02:00:00+01:00"), request.scheduledAt());
        assertEquals(request, request.toBuilder().build());
        assertThrows(OpsValidationException.class, () -> SwitchoverPlanRequest.fromMap(Map.of("leader", "pg1")));
        assertThrows(OpsValidationException.class, () -> SwitchoverPlanRequest.fromMap(Map.of("scheduled_at", "2030-01-01T02:00")),
                "a schedule needs a zone");
        assertNull(SwitchoverPlanRequest.toAnyReplica().candidate());
    }

    @Test
    void rollingRestartAndFailoverFromMap() {
        RollingRestartRequest restart = RollingRestartRequest.fromMap(Map.of("force", "true", "primary_strategy", "in_place",
                "member_timeout", 60));
        assertTrue(restart.force());
        assertEquals(PrimaryRestartStrategy.IN_PLACE, restart.primaryStrategy());
        assertEquals(Duration.ofMinutes(1), restart.memberTimeout());
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.fromMap(Map.of("primary_strategy", "later")));

        FailoverPlanRequest failover = FailoverPlanRequest.fromMap(Map.of("candidate", "pg3", "allow_without_leader", true));
        assertTrue(failover.allowWithoutLeader());
        assertFalse(FailoverPlanRequest.to("pg3").allowWithoutLeader());
        assertThrows(OpsValidationException.class, () -> FailoverPlanRequest.fromMap(Map.of()), "a candidate is required");
    }

    @Test
    void hotStandbySensitiveDirectionDecidesTheOrder() {
        assertTrue(new ParameterChange("max_connections", "100", "50", true).lowersHotStandbySensitive());
        assertTrue(new ParameterChange("MAX_WAL_SENDERS", "5", "10", true).raisesHotStandbySensitive());
        assertFalse(new ParameterChange("shared_buffers", "128MB", "64MB", true).lowersHotStandbySensitive(),
                "not hot-standby-sensitive");
        RollingRestartRequest lowering = RollingRestartRequest.builder()
                .parameterChanges(List.of(new ParameterChange("max_locks_per_transaction", "128", "64", true))).build();
        assertTrue(lowering.lowersHotStandbySensitive());
        assertThrows(OpsValidationException.class, () -> new ParameterChange("work_mem", "4MB", "4MB", false));
    }

    @Test
    void configChangeKeepsNullsThatRemoveKeys() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("work_mem", null);
        ConfigChangeRequest request = ConfigChangeRequest.fromMap(Map.of("patch", Map.of("postgresql",
                Map.of("parameters", parameters)), "restart_pending", false));
        assertFalse(request.restartPending());
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) ((Map<String, Object>) request.patchMap().get("postgresql")).get("parameters");
        assertTrue(kept.containsKey("work_mem") && kept.get("work_mem") == null, kept.toString());
        assertThrows(OpsValidationException.class, () -> ConfigChangeRequest.of(Map.of()), "an empty patch is refused");
    }
}
