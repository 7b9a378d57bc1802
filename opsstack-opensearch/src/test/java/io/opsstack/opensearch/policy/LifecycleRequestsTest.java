package io.opsstack.opensearch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.ops.TierRunRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requests of the tier runner and the daily-index jobs: script maps, defaults and bad input. */
class LifecycleRequestsTest {

    @Test
    void tierRunRequestRoundTripsThroughItsMapForm() {
        TierRunRequest request = TierRunRequest.builder(TierPolicyTest.lifecycle())
                .asOf(Instant.parse("2026-11-22T06:00:00Z")).waitTimeout(Duration.ofMinutes(10)).build();
        assertEquals(request, TierRunRequest.fromMap(request.toMap()));
        assertThrows(OpsValidationException.class, () -> TierRunRequest.fromMap(Map.of("policy",
                TierPolicyTest.lifecycle().toMap(), "dry", true)));
        assertThrows(OpsValidationException.class, () -> TierRunRequest.fromMap(Map.of("wait_timeout", "5m")));
    }

    @Test
    void preCreateRequestChecksPatternsAndDays() {
        PreCreateIndicesRequest request = PreCreateIndicesRequest.fromMap(Map.of("name_patterns", "logs-yyyy.MM.dd,nginx-yyyy.MM.dd",
                "days", 2, "template", "logs", "settings", Map.of("index.number_of_replicas", 1)));
        assertEquals(List.of("logs-yyyy.MM.dd", "nginx-yyyy.MM.dd"), request.namePatterns());
        assertEquals(request, PreCreateIndicesRequest.fromMap(request.toMap()));
        OpsValidationException noDate = assertThrows(OpsValidationException.class,
                () -> PreCreateIndicesRequest.builder().namePattern("logs-current").build());
        assertTrue(noDate.getMessage().contains("has no date"), noDate.getMessage());
        assertThrows(OpsValidationException.class, () -> PreCreateIndicesRequest.builder().namePattern("logs-yyyy.MM.dd").days(0).build());
    }

    @Test
    void openCloseRequestDefaultsItsIndicesToTheNamePatternAndChecksTheRange() {
        IndexOpenCloseRequest close = IndexOpenCloseRequest.fromMap(Map.of("action", "close", "age_from", "logs-yyyy.MM.dd",
                "min_age", "30d"));
        assertEquals(IndexOpenCloseRequest.Action.CLOSE, close.action());
        assertEquals(List.of("logs-*"), close.indices());
        assertEquals(Duration.ofDays(30), close.minAge());
        assertEquals(close, IndexOpenCloseRequest.fromMap(close.toMap()));
        assertThrows(OpsValidationException.class, () -> IndexOpenCloseRequest.open(Duration.ofDays(30))
                .maxAge(Duration.ofDays(7)).indices("logs-*").build());
        assertThrows(OpsValidationException.class, () -> IndexOpenCloseRequest.close(Duration.ofDays(1)).build(),
                "an age from the creation date needs index patterns");
    }
}
