package io.opsstack.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.lease.Lease;
import io.opsstack.api.lease.LeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;

/**
 * Renewing the lease while an apply runs: a store that is out of reach for a moment does not stop the apply; another
 * holder, or renewals failing until little of the lease is left, stop it before the next step.
 */
class LeaseRenewalTest {

    /** Renewed every 200 ms; a failed renewal is tried again after 50 ms. */
    private static final Duration TTL = Duration.ofMillis(600);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void renewalsFailingForAMomentLeaveTheApplyRunning() {
        FailingRenewals store = new FailingRenewals(false);
        store.failures.add(unreachable());
        store.failures.add(unreachable());
        FakeSystem system = new FakeSystem();
        FakeDrain drain = new FakeDrain(system);
        drain.behaviours.put("move-shards", (step, context) -> awaitTrue(() -> store.renewed.get() >= 1));

        OperationResult<String> result = PlanExecutor.apply(drain, drain.plan(), options(store));

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(5, system.executedSnapshot().size());
        assertEquals(2, store.failed.get(), "both failed renewals were tried again");
    }

    @Test
    void anotherHolderNamedOnRenewalStopsTheApply() {
        FailingRenewals store = new FailingRenewals(false);
        store.failures.add(new LeaseHeldException("cluster-a", "bob", "op-b", Instant.now().plusSeconds(60)));
        FakeSystem system = new FakeSystem();
        FakeDrain drain = new FakeDrain(system);
        drain.behaviours.put("move-shards", (step, context) -> awaitTrue(() -> store.failed.get() >= 1));

        OpsException stopped = assertThrows(OpsException.class, () -> PlanExecutor.apply(drain, drain.plan(), options(store)));

        assertTrue(stopped.getMessage().contains("lost the lease on cluster-a"), stopped.getMessage());
        assertFalse(system.executedSnapshot().contains("wait-green"), system.executedSnapshot().toString());
        assertEquals(1, store.failed.get(), "no renewal after another holder was named");
    }

    @Test
    void renewalsFailingUntilLittleIsLeftStopTheApplyBeforeTheLeaseLapses() {
        FailingRenewals store = new FailingRenewals(true);
        FakeSystem system = new FakeSystem();
        FakeDrain drain = new FakeDrain(system);
        drain.behaviours.put("move-shards", (step, context) -> awaitTrue(() -> Instant.now().isAfter(store.expiresAt())));

        OpsException stopped = assertThrows(OpsException.class, () -> PlanExecutor.apply(drain, drain.plan(), options(store)));

        assertTrue(stopped.getMessage().contains("lost the lease on cluster-a"), stopped.getMessage());
        assertInstanceOf(OpsConnectException.class, stopped.getCause());
        assertEquals(List.of("exclude-n1", "move-shards"), system.executedSnapshot());
        assertTrue(store.failed.get() >= 3, "tried again after each failure: " + store.failed.get());
    }

    private static ApplyOptions options(LeaseStore store) {
        return ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(store).leaseTtl(TTL).build();
    }

    private static OpsConnectException unreachable() {
        return new OpsConnectException("connection refused", null, "cluster-a");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within " + PATIENCE);
            Thread.sleep(10);
        }
    }

    /** A real in-memory store whose leases fail their renewals as scripted. */
    private static final class FailingRenewals implements LeaseStore {
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger renewed = new AtomicInteger();
        private final boolean alwaysFail;
        private final InMemoryLeaseStore store = new InMemoryLeaseStore();
        private volatile Lease held;

        FailingRenewals(boolean alwaysFail) {
            this.alwaysFail = alwaysFail;
        }

        Instant expiresAt() {
            return held.expiresAt();
        }

        @Override
        public Lease acquire(String target, String owner, String operationId, Duration ttl) {
            Lease lease = store.acquire(target, owner, operationId, ttl);
            held = lease;
            return new Lease() {
                @Override
                public String target() {
                    return lease.target();
                }

                @Override
                public String holder() {
                    return lease.holder();
                }

                @Override
                public String operationId() {
                    return lease.operationId();
                }

                @Override
                public Instant expiresAt() {
                    return lease.expiresAt();
                }

                @Override
                public void renew() {
                    RuntimeException failure;
                    synchronized (failures) {
                        failure = alwaysFail ? unreachable() : failures.poll();
                    }
                    if (failure != null) {
                        failed.incrementAndGet();
                        throw failure;
                    }
                    lease.renew();
                    renewed.incrementAndGet();
                }

                @Override
                public void release() {
                    lease.release();
                }
            };
        }
    }
}
