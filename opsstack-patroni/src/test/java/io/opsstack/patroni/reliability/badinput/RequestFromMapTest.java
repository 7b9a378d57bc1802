package io.opsstack.patroni.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.patroni.ops.ParameterChange;
import io.opsstack.patroni.ops.RollingRestartRequest;
import io.opsstack.patroni.ops.StandbyAttachRequest;
import io.opsstack.patroni.ops.StandbyPromoteRequest;

/** Script forms of the Patroni requests read their own {@code toMap} form back; bad input is named. */
class RequestFromMapTest {

    @Test
    void attachRoundTripsAndReadsTextNumbers() {
        StandbyAttachRequest attach = StandbyAttachRequest.builder().host("10.0.0.5").port(5433)
                .primarySlotName("dr_slot").convergenceTimeout(Duration.ofMinutes(3)).build();
        assertEquals(attach, StandbyAttachRequest.fromMap(attach.toMap()));
        assertEquals(StandbyAttachRequest.of("db-a", 5432),
                StandbyAttachRequest.fromMap(Map.of("host", "db-a", "port", "5432")));
    }

    @Test
    void promoteRoundTrips() {
        assertEquals(StandbyPromoteRequest.forced(), StandbyPromoteRequest.fromMap(StandbyPromoteRequest.forced().toMap()));
        assertEquals(Duration.ofSeconds(45),
                StandbyPromoteRequest.fromMap(Map.of("convergence_timeout", 45)).convergenceTimeout());
    }

    @Test
    void rollingRestartRoundTripsWithItsParameterChanges() {
        RollingRestartRequest restart = RollingRestartRequest.builder().force(true)
                .parameterChanges(List.of(new ParameterChange("max_connections", "100", "50", true))).build();
        assertEquals(restart, RollingRestartRequest.fromMap(restart.toMap()));
        assertMessage("parameter_changes", () -> RollingRestartRequest.fromMap(Map.of("parameter_changes", "max_connections")));
    }

    @Test
    void unknownKeysAndWrongTypesAreNamed() {
        assertMessage("hots", () -> StandbyAttachRequest.fromMap(Map.of("hots", "db-a")));
        assertMessage("port", () -> StandbyAttachRequest.fromMap(Map.of("host", "db-a", "port", "five")));
        assertMessage("force", () -> StandbyPromoteRequest.fromMap(Map.of("force", "yes")));
    }

    private static void assertMessage(String expected, Runnable call) {
        OpsValidationException e = assertThrows(OpsValidationException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
