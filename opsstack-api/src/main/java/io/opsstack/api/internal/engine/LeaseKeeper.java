package io.opsstack.api.internal.engine;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.lease.Lease;
import io.opsstack.api.lease.LeaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds an apply's lease: renews it every TTL/3 in the background and releases it on close. A renewal that fails
 * without the store naming another holder is tried again after a quarter of that period, as the store may be out of
 * reach for a moment (it may live in the very cluster being restarted); the lease counts as lost once another holder
 * is named, or once too little of it is left for another try.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Lease lease;
    private final long periodMillis;
    private final long retryMillis;
    private final ScheduledExecutorService renewer;
    private volatile RuntimeException lost;

    private LeaseKeeper(Lease lease, Duration ttl) {
        this.lease = lease;
        this.periodMillis = Math.max(1, ttl.toMillis() / 3);
        this.retryMillis = Math.max(1, periodMillis / 4);
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opsstack-lease-" + lease.target());
            thread.setDaemon(true);
            return thread;
        });
        renewIn(periodMillis);
    }

    static LeaseKeeper acquire(LeaseStore store, String target, String owner, String operationId, Duration ttl) {
        return new LeaseKeeper(store.acquire(target, owner, operationId, ttl), ttl);
    }

    /** Host, process id and thread of the caller: tells a person where a held lease comes from. */
    static String defaultOwner() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + Thread.currentThread().getName();
    }

    /** @throws OpsException if the lease was lost: another holder was named, or renewals failed until little of it was left */
    void checkHeld() {
        RuntimeException failure = lost;
        if (failure != null) {
            throw new OpsException("lost the lease on " + lease.target() + ": " + failure.getMessage(), failure,
                    lease.target(), null, null);
        }
    }

    private void renewIn(long millis) {
        try {
            renewer.schedule(this::renew, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the apply is over: close() stopped the renewer
        }
    }

    private void renew() {
        try {
            lease.renew();
            renewIn(periodMillis);
        } catch (LeaseHeldException e) {
            lose(e);
        } catch (RuntimeException e) {
            long leftMillis = Duration.between(Instant.now(), lease.expiresAt()).toMillis();
            if (leftMillis <= 2 * retryMillis) {
                lose(e);
                return;
            }
            LOG.warn("could not renew the lease on {} ({}); it holds until {}, trying again in {} ms",
                    lease.target(), e.getMessage(), lease.expiresAt(), retryMillis);
            renewIn(retryMillis);
        }
    }

    private void lose(RuntimeException cause) {
        lost = cause;
        LOG.error("could not renew the lease on {}; no further step will start", lease.target(), cause);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.warn("could not release the lease on {}; it expires at {}", lease.target(), lease.expiresAt(), e);
        }
    }
}
