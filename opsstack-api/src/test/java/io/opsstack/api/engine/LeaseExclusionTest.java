package io.opsstack.api.engine;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.lease.LeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaseExclusionTest {

    @TempDir
    Path leaseDir;

    @Test
    void concurrentApplyOnTheSameTargetIsRefusedInMemory() throws Exception {
        assertOnlyOneApplyRuns(new InMemoryLeaseStore());
    }

    @Test
    void concurrentApplyOnTheSameTargetIsRefusedWithFileLeases() throws Exception {
        assertOnlyOneApplyRuns(new FileLeaseStore(leaseDir));
    }

    private void assertOnlyOneApplyRuns(LeaseStore store) throws Exception {
        FakeSystem first = new FakeSystem();
        FakeDrain running = new FakeDrain(first);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        running.behaviours.put("exclude-n1", (step, context) -> {
            inStep.countDown();
            assertTrue(proceed.await(30, TimeUnit.SECONDS));
        });
        Plan runningPlan = running.plan();
        CompletableFuture<OperationResult<String>> firstApply = PlanExecutor.applyAsync(running, runningPlan,
                ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(store).owner("alice").build());
        assertTrue(inStep.await(30, TimeUnit.SECONDS), "first apply started");

        FakeSystem second = new FakeSystem();
        FakeDrain competing = new FakeDrain(second);
        Plan competingPlan = competing.plan();
        LeaseHeldException held = assertThrows(LeaseHeldException.class, () -> PlanExecutor.apply(competing,
                competingPlan, ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(store).owner("bob").build()));

        proceed.countDown();
        assertEquals(OperationStatus.SUCCEEDED, firstApply.get(30, TimeUnit.SECONDS).status());
        assertEquals("alice", held.holder());
        assertEquals(runningPlan.id(), held.holderOperationId());
        assertTrue(held.getMessage().contains("alice") && held.getMessage().contains(runningPlan.id()), held.getMessage());
        assertEquals(List.of(), second.executedSnapshot());
        assertEquals(5, first.executedSnapshot().size());

        // Once the first apply is over, the target is free again.
        OperationResult<String> after = PlanExecutor.apply(competing, competingPlan,
                ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(store).build());
        assertEquals(OperationStatus.SUCCEEDED, after.status());
    }
}
