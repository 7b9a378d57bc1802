package io.opsstack.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.patroni.model.RestartRequest;
import io.opsstack.patroni.model.RestartRole;
import io.opsstack.patroni.model.SwitchoverRequest;

class PatroniRequestsTest {

    @Test
    void switchoverBodiesCarryOnlyWhatIsSet() {
        assertEquals(Map.of("leader", "pg1"), SwitchoverRequest.of("pg1", null).toBody());
        SwitchoverRequest scheduled = SwitchoverRequest.fromMap(Map.of("leader", "pg1", "candidate", "pg2",
                "scheduled_at", "2030-01-01T02:00:00+01:00"));
        assertEquals(Map.of("leader", "pg1", "candidate", "pg2", "scheduled_at", "2030-01-01T02:00+01:00"),
                scheduled.toBody());
        assertEquals(scheduled, scheduled.toBuilder().build());
    }

    @Test
    void switchoverRequestsAreValidatedBeforeAnythingIsSent() {
        assertThrows(OpsValidationException.class, () -> SwitchoverRequest.of(null, "pg2"));
        assertThrows(OpsValidationException.class, () -> SwitchoverRequest.of("pg1", "pg1"));
        assertThrows(OpsValidationException.class, () -> SwitchoverRequest.fromMap(Map.of("leader", "pg1",
                "scheduled_at", "2030-01-01T02:00:00")), "Patroni requires a zone");
        assertThrows(OpsValidationException.class, () -> SwitchoverRequest.fromMap(Map.of("leader", "pg1",
                "master", "pg2")));
    }

    @Test
    void restartBodiesUseTheRoleNamesBothVersionsAccept() {
        assertEquals(Map.of(), RestartRequest.now().toBody());
        RestartRequest request = RestartRequest.fromMap(Map.of("restart_pending", true, "role", "master",
                "timeout", 60, "postgres_version", "15.6"));
        assertEquals(RestartRole.PRIMARY, request.role());
        assertEquals(Map.of("restart_pending", true, "role", "primary", "timeout", 60L, "postgres_version", "15.6"),
                request.toBody());
        assertEquals(Duration.ofSeconds(90), RestartRequest.fromMap(Map.of("timeout", "PT90S")).timeout());
        OffsetDateTime at = OffsetDateTime.parse("2030-01-01T03:00:00Z");
        assertEquals("2030-01-01T03:00Z", RestartRequest.builder().schedule(at).build().toBody().get("schedule"));
        assertThrows(OpsValidationException.class, () -> RestartRequest.fromMap(Map.of("role", "leader")));
        assertThrows(OpsValidationException.class, () -> RestartRequest.builder().timeout(Duration.ZERO).build());
    }

    @Test
    void scriptMapsConfigureTheClientWithoutLeakingSecrets() {
        try (PatroniOps ops = PatroniOps.fromMap(Map.of("endpoints", "http://127.0.0.1:1,http://127.0.0.1:2",
                "user", "patroni", "password", "s3cret-value", "response_timeout", "10s"))) {
            assertEquals(2, ops.endpoints().size());
            assertEquals("patroni", ops.options().serviceName());
            assertEquals(Duration.ofSeconds(10), ops.options().timeouts().response());
            assertFalse(ops.options().toString().contains("s3cret-value"));
            assertTrue(ops.options().credentials().user().isPresent());
        }
        assertThrows(OpsValidationException.class, () -> PatroniOps.fromMap(Map.of("endpoints", "http://x:1",
                "passwd", "x")));
    }
}
