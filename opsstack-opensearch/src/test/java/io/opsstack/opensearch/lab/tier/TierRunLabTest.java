package io.opsstack.opensearch.lab.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.ops.TierRunRequest;
import io.opsstack.opensearch.policy.IndexAge;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.TierActions;
import io.opsstack.opensearch.policy.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tier runner on daily indices of a real hot/warm/cold cluster, ages read from the index names. */
class TierRunLabTest {
    private static final String REQUIRE_TEMP = "index.routing.allocation.require.temp";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void movesDailyIndicesThroughTheirPhasesAndDeletesOnlyTheOldest(String version) {
        String prefix = LabSupport.uniqueIndex("logs");
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> days = new ArrayList<>();
        for (int age = 0; age < 4; age++) {
            days.add(prefix + "-" + DAY.format(today.minusDays(age)));
        }
        String undated = prefix + "-archive";
        try (OpenSearchOps os = LabSupport.ops(version)) {
            create(os, days.get(0), 0, true);
            create(os, days.get(1), 0, true);
            create(os, days.get(2), 1, false);
            create(os, days.get(3), 0, true);
            create(os, undated, 0, true);
            Map<String, Long> counts = new HashMap<>();
            for (String index : List.of(days.get(0), days.get(1), days.get(2), undated)) {
                counts.put(index, os.count(index));
            }

            Operation<Void> run = os.tierRun(TierRunRequest.builder(policy(prefix, "warm")).asOf(now)
                    .pollInterval(Duration.ofMillis(200)).waitTimeout(Duration.ofMinutes(2)).build());
            Plan plan = run.plan();
            String text = plan.render();
            assertTrue(text.contains(days.get(0) + " (age ") && text.contains("phase hot): nothing to do"), text);
            assertTrue(text.contains("phase warm): allocation require temp=warm"), text);
            assertTrue(text.contains("phase cold): replicas 0, allocation require temp=cold, read-only"), text);
            assertTrue(text.contains("phase delete): delete"), text);
            assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("skipped " + undated)), plan.warnings().toString());
            assertEquals(plan, Plan.fromJson(plan.toJson()));

            OperationResult<Void> result = run.apply(plan, ApplyOptions.builder().listener(ProgressListeners.none())
                    .journal(new InMemoryJournal()).build());

            assertEquals(OperationStatus.SUCCEEDED, result.status());
            assertPlacedOn(os, days.get(0), "hot");
            assertPlacedOn(os, days.get(1), "warm");
            assertPlacedOn(os, days.get(2), "cold");
            IndexSettings cold = os.indexSettings(days.get(2));
            assertEquals("true", cold.get("index.blocks.write"));
            assertEquals("0", cold.get("index.number_of_replicas"));
            assertFalse(os.indexExists(days.get(3)), "the 3-day-old index is deleted");
            assertPlacedOn(os, undated, "hot");
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                assertEquals(count.getValue(), os.count(count.getKey()), "documents of " + count.getKey());
            }

            Plan again = run.plan();
            assertTrue(again.steps().stream().allMatch(step -> step.action() == StepAction.NO_OP), again.render());
        } finally {
            LabSupport.deleteIndices(version, days.get(0), days.get(1), days.get(2), days.get(3), undated);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void unknownTierOrMalformedPolicyIsRefusedBeforeAnyChange(String version) {
        String prefix = LabSupport.uniqueIndex("logs-bad");
        String index = prefix + "-" + DAY.format(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        try (OpenSearchOps os = LabSupport.ops(version)) {
            create(os, index, 0, true);
            ClusterSettings clusterBefore = os.clusterSettings(false);
            IndexSettings indexBefore = os.indexSettings(index);

            OpsValidationException unknownTier = assertThrows(OpsValidationException.class,
                    () -> os.tierRun(TierRunRequest.builder(policy(prefix, "frozen")).build()).plan());
            assertTrue(unknownTier.getMessage().contains("temp=frozen") && unknownTier.getMessage().contains("[cold, hot, warm]"),
                    unknownTier.getMessage());
            assertFalse(os.validateTierPolicy(policy(prefix, "frozen")).valid());
            assertTrue(os.validateTierPolicy(policy(prefix, "warm")).valid(),
                    os.validateTierPolicy(policy(prefix, "warm")).render());

            OpsValidationException malformed = assertThrows(OpsValidationException.class, () -> TierPolicy.builder("bad")
                    .age(IndexAge.fromName(prefix + "-yyyy.MM.dd"))
                    .phase(PolicyPhase.of("hot", Duration.ZERO).withNext("lukewarm"))
                    .build());
            assertTrue(malformed.getMessage().contains("'lukewarm'"), malformed.getMessage());

            assertEquals(clusterBefore, os.clusterSettings(false), "cluster settings must be unchanged");
            assertEquals(indexBefore, os.indexSettings(index), "index settings must be unchanged");
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }

    /** hot → warm (1 day) → cold (2 days: read-only, no replicas) → delete (3 days). */
    static TierPolicy policy(String prefix, String warmTier) {
        return TierPolicy.builder("logs-lifecycle")
                .age(IndexAge.fromName(prefix + "-yyyy.MM.dd"))
                .phase(PolicyPhase.of("hot", Duration.ZERO, TierActions.require("temp", "hot")))
                .phase(PolicyPhase.of("warm", Duration.ofDays(1), TierActions.require("temp", warmTier)))
                .phase(PolicyPhase.of("cold", Duration.ofDays(2), TierActions.replicas(0),
                        TierActions.require("temp", "cold"), TierActions.readOnly()))
                .phase(PolicyPhase.of("delete", Duration.ofDays(3), TierActions.delete()))
                .build();
    }

    static void create(OpenSearchOps os, String index, int replicas, boolean onHot) {
        Map<String, Object> settings = new HashMap<>(Map.of("index.number_of_shards", 1, "index.number_of_replicas", replicas));
        if (onHot) {
            settings.put(REQUIRE_TEMP, "hot");
        }
        os.createIndex(index, settings);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documents.add("{\"message\":\"event " + i + " of " + index + "\"}");
        }
        os.bulkIndex(index, documents);
        os.refresh(index);
        os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                .timeout(Duration.ofSeconds(60)).build());
    }

    private static void assertPlacedOn(OpenSearchOps os, String index, String tier) {
        String node = os.nodes().stream().filter(n -> tier.equals(n.attribute("temp"))).map(NodeInfo::name)
                .findFirst().orElseThrow();
        List<ShardRow> rows = os.shards(index);
        assertFalse(rows.isEmpty(), index);
        for (ShardRow row : rows) {
            assertEquals(ShardState.STARTED, row.state(), row.toString());
            assertEquals(node, row.node(), index + " on " + tier);
        }
    }
}
