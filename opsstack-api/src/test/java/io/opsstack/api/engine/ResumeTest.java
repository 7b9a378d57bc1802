package io.opsstack.api.engine;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepSkipped;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTest {

    @TempDir
    Path journalDir;

    @Test
    void secondApplyResumesAfterTheCompletedStepsWithSavedValues() {
        FakeSystem system = new FakeSystem();
        system.facts.put("exclude", "n7");
        FakeDrain drain = new FakeDrain(system);
        AtomicBoolean crash = new AtomicBoolean(true);
        drain.behaviours.put("restart-n1", (step, context) -> {
            if (crash.get()) {
                throw new IllegalStateException("simulated crash");
            }
        });
        List<String> restored = new ArrayList<>();
        drain.behaviours.put("include-n1", (step, context) ->
                restored.add(context.savedValue("exclude.before").orElseThrow().value()));
        Plan plan = drain.plan();
        ApplyOptions options = ApplyOptions.builder().journal(new FileJournal(journalDir))
                .leaseStore(new InMemoryLeaseStore()).build();

        OpsException first = assertThrows(OpsException.class, () -> PlanExecutor.apply(drain, plan, options));
        assertEquals("restart-n1", first.stepId().orElseThrow());
        JournalRecord afterCrash = new FileJournal(journalDir).read(plan.id());
        assertEquals(List.of("exclude-n1", "move-shards"), afterCrash.completedSteps());
        assertEquals("n7", afterCrash.savedValues().get("exclude.before"));

        // Step 1 changed a fact by design; a resume must not call that stale.
        assertEquals("n1", system.facts.get("exclude"));
        crash.set(false);
        system.executed.clear();
        CollectingListener events = ProgressListeners.collecting();
        OperationResult<String> resumed = PlanExecutor.apply(drain, plan, options.toBuilder().listener(events).build());

        assertEquals(OperationStatus.SUCCEEDED, resumed.status());
        assertEquals(List.of("restart-n1", "include-n1", "wait-green"), system.executedSnapshot());
        List<StepSkipped> skipped = events.events().stream().filter(StepSkipped.class::isInstance)
                .map(StepSkipped.class::cast).toList();
        assertEquals(List.of("exclude-n1", "move-shards"), skipped.stream().map(StepSkipped::stepId).toList());
        assertTrue(skipped.stream().allMatch(event -> event.reason().equals("completed in an earlier run")));
        assertEquals(List.of("exclude-n1", "move-shards"), resumed.stepIds(StepStatus.SKIPPED));
        assertEquals(List.of("n7"), restored, "the value saved before the crash is visible after it");
        assertEquals("SUCCEEDED exclude.before=n7", drain.cleanups.get(drain.cleanups.size() - 1));
        assertEquals(JournalStatus.SUCCEEDED, new FileJournal(journalDir).read(plan.id()).status());
    }

    @Test
    void unsetValueSurvivesAsUnset() {
        FakeSystem system = new FakeSystem();
        FakeDrain drain = new FakeDrain(system);
        drain.behaviours.put("move-shards", (step, context) -> {
            throw new IllegalStateException("simulated crash");
        });
        Plan plan = drain.plan();
        ApplyOptions options = ApplyOptions.builder().journal(new FileJournal(journalDir))
                .leaseStore(new InMemoryLeaseStore()).build();
        assertThrows(OpsException.class, () -> PlanExecutor.apply(drain, plan, options));

        JournalRecord record = new FileJournal(journalDir).read(plan.id());

        assertTrue(record.savedValue("exclude.before").orElseThrow().wasUnset());
        assertTrue(record.savedValue("never-saved").isEmpty());
    }
}
