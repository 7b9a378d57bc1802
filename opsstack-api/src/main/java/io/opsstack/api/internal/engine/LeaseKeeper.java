package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.lease.Lease;
import io.opsstack.api.lease.LeaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Holds an apply's lease: renews it every TTL/3 in the background and releases it on close. */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Lease lease;
    private final ScheduledExecutorService renewer;
    private volatile RuntimeException lost;

    private LeaseKeeper(Lease lease, Duration ttl) {
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opsstack-lease-" + lease.target());
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
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

    /** @throws OpsException if renewing failed, i.e. the lease may now be someone else's */
    void checkHeld() {
        RuntimeException failure = lost;
        if (failure != null) {
            throw new OpsException("lost the lease on " + lease.target() + ": " + failure.getMessage(), failure,
                    lease.target(), null, null);
        }
    }

    private void renew() {
        if (lost != null) {
            return;
        }
        try {
            lease.renew();
        } catch (RuntimeException e) {
            lost = e;
            LOG.error("could not renew the lease on {}; no further step will start", lease.target(), e);
        }
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
