package io.opsstack.opensearch.lab.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.ops.RebalanceRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import io.opsstack.opensearch.ops.RelocationRequest;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.opensearch.ops.TierRunRequest;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.TierActions;
import io.opsstack.opensearch.policy.TierPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table of the OpenSearch request values, which refuse bad input before any server is
 * asked: empty values, out-of-range numbers, malformed tier policies and script maps with unknown keys
 * or wrong types. Every refusal is an {@link OpsValidationException} naming the bad field or value.
 */
class OpenSearchRequestBadInputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                refused("TierMoveRequest", "no index", "at least one index",
                        () -> TierMoveRequest.builder().tier("warm").build()),
                refused("TierMoveRequest", "blank tier", "tier", () -> TierMoveRequest.builder().index("logs").tier(" ").build()),
                refused("TierMoveRequest", "zero wait timeout", "waitTimeout",
                        () -> TierMoveRequest.builder().index("logs").tier("warm").waitTimeout(Duration.ZERO).build()),
                refused("TierMoveRequest.fromMap", "unknown key", "tierr",
                        () -> TierMoveRequest.fromMap(Map.of("indices", "logs", "tierr", "warm"))),
                refused("TierMoveRequest.fromMap", "text where seconds belong", "wait_timeout_seconds",
                        () -> TierMoveRequest.fromMap(Map.of("indices", "logs", "tier", "warm", "wait_timeout_seconds", "ten"))),
                refused("DrainRequest", "blank node", "node name", () -> DrainRequest.builder(" ").build()),
                refused("DrainRequest", "stall polls 0", "stallPolls", () -> DrainRequest.builder("n1").stallPolls(0).build()),
                refused("DrainRequest", "negative poll interval", "pollInterval",
                        () -> DrainRequest.builder("n1").pollInterval(Duration.ofMillis(-5)).build()),
                refused("DrainRequest.fromMap", "unknown key", "nodes", () -> DrainRequest.fromMap(Map.of("nodes", "n1"))),
                refused("DrainRequest.fromMap", "stop_node without a ServiceControl", "ServiceControl",
                        () -> DrainRequest.fromMap(Map.of("node", "n1", "stop_node", true))),
                refused("DrainRequest.fromMap", "recovery_limits not a map", "recovery_limits",
                        () -> DrainRequest.fromMap(Map.of("node", "n1", "recovery_limits", "fast"))),
                refused("DrainRequest.fromMap", "stall_polls beyond int", "stall_polls",
                        () -> DrainRequest.fromMap(Map.of("node", "n1", "stall_polls", Long.MAX_VALUE))),
                refused("RecoveryLimits", "negative concurrent recoveries", "maxConcurrentRecoveries",
                        () -> RecoveryLimits.of(-1, null)),
                refused("RecoveryLimits", "throttle not a byte size", "fast", () -> RecoveryLimits.of(2, "fast")),
                refused("RecoveryLimits", "throttle of 0 bytes", "0mb", () -> RecoveryLimits.of(2, "0mb")),
                refused("RelocationRequest", "target equals source", "differ",
                        () -> RelocationRequest.builder("n1").toNode("n1").build()),
                refused("RelocationRequest", "blank source", "node to move copies from", () -> RelocationRequest.builder("").build()),
                refused("RelocationRequest.fromMap", "no from_node", "from_node",
                        () -> RelocationRequest.fromMap(Map.of("indices", "logs"))),
                refused("RebalanceRequest", "blank tier", "tier value", () -> RebalanceRequest.of(" ")),
                refused("RebalanceRequest.fromMap", "unknown key", "tir", () -> RebalanceRequest.fromMap(Map.of("tir", "warm"))),
                refused("ZoneDecommissionRequest", "negative drain delay", "drainDelay",
                        () -> new ZoneDecommissionRequest("zone", "zone-a", Duration.ofSeconds(-1), Duration.ofMinutes(1),
                                Duration.ofSeconds(1))),
                refused("ZoneDecommissionRequest.fromMap", "no zone", "zone",
                        () -> ZoneDecommissionRequest.fromMap(Map.of("attribute", "zone"))),
                refused("RollingRestartRequest", "maxUnavailable 0", "maxUnavailable",
                        () -> RollingRestartRequest.builder().maxUnavailable(0).build()),
                refused("RollingRestartRequest", "recovery concurrency beyond the cap of 16", "recoveryConcurrency",
                        () -> RollingRestartRequest.builder().recoveryConcurrency(17).build()),
                refused("RollingRestartRequest", "a node named twice", "repeat",
                        () -> RollingRestartRequest.builder().node("n1").node("n1").build()),
                refused("RollingRestartRequest", "target version not a version", "targetVersion",
                        () -> RollingRestartRequest.builder().targetVersion("latest").build()),
                refused("RollingRestartRequest", "negative node timeout", "nodeTimeout",
                        () -> RollingRestartRequest.builder().nodeTimeout(Duration.ofSeconds(-1)).build()),
                refused("RollingRestartRequest.fromMap", "unknown key", "max_unavailble",
                        () -> RollingRestartRequest.fromMap(Map.of("max_unavailble", 1))),
                refused("RollingRestartRequest.fromMap", "text where a number belongs", "max_unavailable",
                        () -> RollingRestartRequest.fromMap(Map.of("max_unavailable", "two"))),
                refused("RollingRestartRequest.fromMap", "parallel_zones not a boolean", "parallel_zones",
                        () -> RollingRestartRequest.fromMap(Map.of("parallel_zones", "yes"))),
                refused("SnapshotRequest", "repository name with spaces", "repository",
                        () -> SnapshotRequest.builder().repository("Nightly Backups").snapshot("s1").build()),
                refused("SnapshotRequest.fromMap", "text where seconds belong", "wait_timeout_seconds",
                        () -> SnapshotRequest.fromMap(Map.of("repository", "r", "snapshot", "s", "wait_timeout_seconds", "1h"))),
                refused("RestoreRequest", "rename pattern not a regex", "renamePattern",
                        () -> RestoreRequest.builder().repository("r").snapshot("s").rename("(", "x").build()),
                refused("RestoreRequest", "rename pattern without replacement", "renameReplacement",
                        () -> RestoreRequest.builder().repository("r").snapshot("s").rename("(.+)", null).build()),
                refused("PreCreateIndicesRequest", "0 days", "days",
                        () -> PreCreateIndicesRequest.builder().namePattern("logs-yyyy.MM.dd").days(0).build()),
                refused("PreCreateIndicesRequest", "32 days", "days",
                        () -> PreCreateIndicesRequest.builder().namePattern("logs-yyyy.MM.dd").days(32).build()),
                refused("PreCreateIndicesRequest", "pattern without a date", "logs-current",
                        () -> PreCreateIndicesRequest.builder().namePattern("logs-current").build()),
                refused("PreCreateIndicesRequest.fromMap", "text where a number belongs", "days",
                        () -> PreCreateIndicesRequest.fromMap(Map.of("name_patterns", "logs-yyyy.MM.dd", "days", "a week"))),
                refused("IndexOpenCloseRequest", "negative minimum age", "minimum age",
                        () -> IndexOpenCloseRequest.close(Duration.ofDays(-1)).indices("logs-*").build()),
                refused("IndexOpenCloseRequest", "maximum age below minimum", "maximum age",
                        () -> IndexOpenCloseRequest.open(Duration.ofDays(30)).maxAge(Duration.ofDays(7)).indices("logs-*").build()),
                refused("IndexOpenCloseRequest.fromMap", "unknown action", "shut",
                        () -> IndexOpenCloseRequest.fromMap(Map.of("action", "shut", "indices", "logs-*"))),
                refused("IndexOpenCloseRequest.fromMap", "as_of not an instant", "as_of",
                        () -> IndexOpenCloseRequest.fromMap(Map.of("action", "close", "indices", "logs-*", "as_of", "yesterday"))),
                refused("TierRunRequest.fromMap", "no policy", "policy", () -> TierRunRequest.fromMap(Map.of("wait_timeout", "1m"))),
                refused("TierPolicy", "transition to an unknown phase", "frozen",
                        () -> TierPolicy.builder("p").indices("logs-*").phase(PolicyPhase.of("hot", Duration.ZERO).withNext("frozen"))
                                .phase(PolicyPhase.of("warm", Duration.ofDays(1))).build()),
                refused("TierPolicy", "negative phase age", "minimum age",
                        () -> PolicyPhase.of("warm", Duration.ofDays(-1))),
                refused("TierPolicy", "phase ages decreasing", "ages must not decrease",
                        () -> TierPolicy.builder("p").indices("logs-*").phase(PolicyPhase.of("hot", Duration.ZERO))
                                .phase(PolicyPhase.of("cold", Duration.ofDays(5)))
                                .phase(PolicyPhase.of("warm", Duration.ofDays(2))).build()),
                refused("TierPolicy", "negative replica count", "replica count", () -> TierActions.replicas(-1)),
                refused("TierPolicy", "two attribute values in one rule", "warm,cold",
                        () -> TierActions.require("temp", "warm,cold")),
                refused("TierPolicy.fromMap", "unknown key", "speed", () -> TierPolicy.fromMap(Map.of("name", "p", "speed", "fast"))),
                refused("TierPolicy.fromMap", "unknown action type", "freeze",
                        () -> TierPolicy.fromMap(Map.of("name", "p", "indices", "logs-*", "phases",
                                List.of(Map.of("name", "hot", "actions", List.of(Map.of("type", "freeze"))))))),
                refused("TierPolicy.fromMap", "text where a number belongs", "template_priority",
                        () -> TierPolicy.fromMap(Map.of("name", "p", "indices", "logs-*", "template_priority", "high",
                                "phases", List.of(Map.of("name", "hot"))))),
                refused("ApplyOptions.fromMap", "unknown key", "timout", () -> ApplyOptions.fromMap(Map.of("timout", "1m"))),
                refused("OpenSearchOps.fromMap", "unknown key", "endpoint",
                        () -> OpenSearchOps.fromMap(Map.of("endpoint", "http://127.0.0.1:9200"))),
                refused("OpenSearchOps.fromMap", "user without a password", "password",
                        () -> OpenSearchOps.fromMap(Map.of("endpoints", "http://127.0.0.1:9200", "user", "ops"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedNamingTheBadValue(String request, String badInput, String named, Construction construction) {
        OpsValidationException error = assertThrows(OpsValidationException.class, construction::build);
        assertTrue(error.getMessage().contains(named), request + " / " + badInput + " -> " + error.getMessage());
    }

    private static Arguments refused(String request, String badInput, String named, Construction construction) {
        return Arguments.of(request, badInput, named, construction);
    }

    /** Builds a request value from bad input. */
    interface Construction {
        Object build();
    }
}
