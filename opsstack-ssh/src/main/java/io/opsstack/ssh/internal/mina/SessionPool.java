package io.opsstack.ssh.internal.mina;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.client.session.ClientSession;

import io.opsstack.ssh.SshException;
import io.opsstack.ssh.SshTarget;

/**
 * Reuses authenticated sessions per target. A session carries up to {@code channelsPerSession}
 * concurrent commands; beyond that another session to the same target is opened. Closed sessions
 * (dropped connections) are discarded on the next acquire.
 */
final class SessionPool implements AutoCloseable {
    private final SessionConnector connector;
    private final int channelsPerSession;
    private final Map<SshTarget, List<Lease>> sessions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SessionPool(SessionConnector connector, int channelsPerSession) {
        this.connector = connector;
        this.channelsPerSession = channelsPerSession;
    }

    /** A session with a free channel slot; call {@link Lease#release()} when the channel is done. */
    Lease acquire(SshTarget target) {
        List<Lease> leases = sessions.computeIfAbsent(target, t -> new ArrayList<>());
        synchronized (leases) {
            ensureOpen(target);
            leases.removeIf(lease -> !lease.session.isOpen());
            for (Lease lease : leases) {
                if (lease.inUse.get() < channelsPerSession) {
                    lease.inUse.incrementAndGet();
                    return lease;
                }
            }
            Lease lease = new Lease(connector.connect(target));
            lease.inUse.incrementAndGet();
            leases.add(lease);
            return lease;
        }
    }

    /** Closes a session whose connection is known to be broken, so the next acquire reconnects. */
    void discard(SshTarget target, Lease lease) {
        List<Lease> leases = sessions.get(target);
        if (leases != null) {
            synchronized (leases) {
                leases.remove(lease);
            }
        }
        lease.session.close(true);
    }

    @Override
    public void close() {
        closed = true;
        for (List<Lease> leases : sessions.values()) {
            synchronized (leases) {
                leases.forEach(lease -> lease.session.close(true));
                leases.clear();
            }
        }
    }

    private void ensureOpen(SshTarget target) {
        if (closed) {
            throw new SshException("the SSH executor is closed", null, target.toString());
        }
    }

    /** One pooled session and the number of channels running on it. */
    static final class Lease {
        final ClientSession session;
        private final AtomicInteger inUse = new AtomicInteger();

        private Lease(ClientSession session) {
            this.session = session;
        }

        void release() {
            inUse.decrementAndGet();
        }
    }
}
