package io.opsstack.opensearch.lab.reliability.crash;

import static io.opsstack.opensearch.lab.reliability.crash.CrashOperations.TIER_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.testkit.jvm.ChildJvm;

/**
 * Five applies of one plan on one cluster at once, one in a child JVM and, as it starts applying, four
 * threads of this JVM, all with the lease kept in the cluster: exactly one runs, the four others fail fast
 * naming it; and its lease, renewed while it runs, is not taken over after its time-to-live has passed.
 */
@EnabledIf("io.opsstack.opensearch.lab.reliability.crash.CrashLab#coversCrashVersion")
class ConcurrentAppliesLabTest {
    private static final int THREADS = 4;
    private static final String CHILD = "child-jvm";
    /** Shorter than the winner's hold after its first step, so the winner must renew it to keep it. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(4);
    /** The winner is held after this step (the tier setting changed), so it still runs when the late comer tries. */
    private static final String HOLD_AFTER = "set-tier-";

    @TempDir
    Path directory;
    private final String index = LabSupport.uniqueIndex("concurrent");

    @Test
    void ofFiveSimultaneousAppliesExactlyOneRunsAndALiveLeaseIsNeverTakenOver() throws Exception {
        try (OpenSearchOps os = CrashLab.ops()) {
            long count = CrashLab.indexWithDocs(os, index, Map.of("index.number_of_shards", 3,
                    "index.number_of_replicas", 0, "index.routing.allocation.require.temp", "hot"), 1200);
            Operation<Void> move = CrashOperations.of(os, TIER_MOVE, index, null);
            Plan plan = move.plan();
            Path planFile = CrashLab.writePlan(directory, plan);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try (ChildJvm child = CrashLab.startApplier(TIER_MOVE, index, planFile, directory.resolve("journal"),
                    "concurrent-child", CHILD, "leaseTtlSeconds=" + LEASE_TTL.toSeconds(), "awaitGo=true",
                    "holdAfter=" + HOLD_AFTER + index)) {
                child.awaitOutputLine(Pattern.compile("^READY$"), CrashLab.CHILD_TIMEOUT);
                CyclicBarrier start = new CyclicBarrier(THREADS + 1);
                CountDownLatch hold = new CountDownLatch(1);
                List<Future<String>> threads = new ArrayList<>();
                for (int i = 1; i <= THREADS; i++) {
                    String owner = "thread-" + i;
                    threads.add(pool.submit(() -> applyAs(move, plan, owner, start, hold)));
                }
                child.sendLine("go");
                child.awaitOutputLine(Pattern.compile("^APPLYING$"), CrashLab.CHILD_TIMEOUT);
                start.await(1, TimeUnit.MINUTES);
                String lateComer = lateComerAfterTtl(move, plan);
                // the winner, held after its first step, may go on
                hold.countDown();
                if (child.isAlive()) {
                    child.sendLine("go on");
                }

                List<String> outcomes = new ArrayList<>();
                String childOutcome = child.awaitOutputLine(Pattern.compile("^(RESULT|LEASE_HELD|FAILED) "),
                        CrashLab.CHILD_TIMEOUT);
                outcomes.add(childOutcome.equals("RESULT SUCCEEDED") ? "ran " + CHILD : childOutcome);
                for (Future<String> thread : threads) {
                    outcomes.add(thread.get(3, TimeUnit.MINUTES));
                }

                List<String> ran = outcomes.stream().filter(o -> o.startsWith("ran ")).toList();
                assertEquals(1, ran.size(), "exactly one apply runs: " + outcomes);
                String winner = ran.get(0).substring("ran ".length());
                assertEquals(THREADS, outcomes.stream().filter(o -> o.equals("LEASE_HELD " + winner)).count(),
                        "every other apply is refused naming the holder: " + outcomes);
                assertEquals("LEASE_HELD " + winner, lateComer, "the live holder kept its lease past its time-to-live");
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

            List<ShardRow> shards = os.shards(index);
            assertTrue(shards.stream().allMatch(row -> "opensearch-cold-1".equals(row.node())), shards.toString());
            os.refresh(index);
            assertEquals(count, os.count(index));
            os.leaseStore().acquire(move.target(), "next-operator", "next", LEASE_TTL).release();
        }
    }

    /**
     * Once the running apply has held the lease longer than its time-to-live (renewing it), a new apply must
     * still be refused; returns its outcome.
     */
    private static String lateComerAfterTtl(Operation<Void> move, Plan plan) throws Exception {
        Thread.sleep(LEASE_TTL.toMillis() + 2000);
        return applyAs(move, plan, "late-comer", null, null);
    }

    /** With {@code hold}, a winning apply waits after its first step (still holding the lease) until released. */
    private static String applyAs(Operation<Void> move, Plan plan, String owner, CyclicBarrier start,
                                  CountDownLatch hold) throws Exception {
        try (OpenSearchOps os = CrashLab.ops()) {
            ApplyOptions.Builder builder = ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(os.leaseStore())
                    .leaseTtl(LEASE_TTL).owner(owner);
            if (hold != null) {
                builder.listener(new HoldAfterFirstStep(hold));
            }
            ApplyOptions options = builder.build();
            if (start != null) {
                start.await(1, TimeUnit.MINUTES);
            }
            try {
                OperationStatus status = move.apply(plan, options).status();
                return status == OperationStatus.SUCCEEDED ? "ran " + owner : status.name();
            } catch (LeaseHeldException e) {
                return "LEASE_HELD " + e.holder();
            } catch (RuntimeException e) {
                return "FAILED " + e;
            }
        }
    }

    /** Holds the apply's thread (events are delivered on it) once its first step succeeded. */
    private static final class HoldAfterFirstStep implements ProgressListener {
        private final CountDownLatch hold;

        HoldAfterFirstStep(CountDownLatch hold) {
            this.hold = hold;
        }

        @Override
        public void onEvent(StepEvent event) {
            if (event instanceof StepSucceeded && event.stepId().startsWith(HOLD_AFTER)) {
                try {
                    hold.await(3, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @AfterEach
    void restoreSharedLab() {
        CrashLab.restoreSharedLab(List.of(index));
    }
}
