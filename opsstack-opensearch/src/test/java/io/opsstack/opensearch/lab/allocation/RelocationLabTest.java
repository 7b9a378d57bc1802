package io.opsstack.opensearch.lab.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepOutcome;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.plan.ValidationStatus;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.ops.RelocationRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Relocation with reroute moves whose validation comes from the server's dry run. */
class RelocationLabTest {

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void serverDryRunValidatesTheMoveAndApplyStartsTheCopyOnTheTarget(String version) {
        String index = LabSupport.uniqueIndex("relocate");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            AllocationLabSupport.indexWithDocs(os, index, 1, 50);
            os.putIndexSettings(index, Map.of("index.number_of_replicas", 0));
            AllocationLabSupport.green(os);
            String from = os.shards(index).get(0).node();
            String to = from.equals("opensearch-warm-1") ? "opensearch-hot-1" : "opensearch-warm-1";

            Operation<Void> relocate = os.relocate(RelocationRequest.builder(from).index(index).toNode(to).build());
            Plan plan = relocate.plan();
            PlannedStep move = plan.steps().stream().filter(s -> s.action() == StepAction.MOVE).findFirst().orElseThrow();
            assertEquals(ValidationStatus.VALIDATED, move.validation().status(), plan.render());

            OperationResult<Void> dryRun = relocate.apply(plan, ApplyOptions.builder().dryRun(DryRun.SERVER)
                    .journal(new InMemoryJournal()).build());
            StepOutcome outcome = dryRun.step(move.id()).orElseThrow();
            assertEquals(ValidationStatus.VALIDATED, outcome.validation().status(), outcome.toString());
            assertTrue(outcome.validation().reason().contains("reroute dry run accepts"), outcome.toString());
            assertEquals(from, os.shards(index).get(0).node(), "a dry run moves nothing");

            OperationResult<Void> result = relocate.apply(plan, ApplyOptions.builder().journal(new InMemoryJournal()).build());
            assertEquals(OperationStatus.SUCCEEDED, result.status(), result.toString());
            List<ShardRow> rows = os.shards(index);
            assertEquals(1, rows.size());
            assertEquals(to, rows.get(0).node());
            assertEquals(ShardState.STARTED, rows.get(0).state());
            assertEquals(50, os.count(index));
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void aMoveTheDecidersRefuseIsRejectedByTheServerDryRunWithItsReason(String version) {
        String index = LabSupport.uniqueIndex("relocate-pinned");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 0,
                    "index.routing.allocation.require._name", "opensearch-hot-1"));
            AllocationLabSupport.green(os);
            URI endpoint = LabSupport.lab(version).httpEndpoint();
            String before = AllocationLabSupport.rawSettings(endpoint);

            Operation<Void> relocate = os.relocate(RelocationRequest.builder("opensearch-hot-1").index(index)
                    .toNode("opensearch-cold-1").build());
            Plan plan = relocate.plan();
            PlannedStep move = plan.steps().get(0);
            assertEquals(ValidationStatus.REJECTED, move.validation().status(), plan.render());
            assertTrue(move.validation().reason().contains("filter"), move.validation().reason());

            OperationResult<Void> dryRun = relocate.apply(plan, ApplyOptions.builder().dryRun(DryRun.SERVER)
                    .journal(new InMemoryJournal()).build());
            assertEquals(StepStatus.BLOCKED, dryRun.step(move.id()).orElseThrow().status());
            assertEquals("opensearch-hot-1", os.shards(index).get(0).node());

            assertThrows(OpsValidationException.class,
                    () -> os.relocate(RelocationRequest.builder("opensearch-nope-1").build()).plan());
            assertEquals(before, AllocationLabSupport.rawSettings(endpoint));
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }
}
