package io.opsstack.api.lease;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lease rules shared by every store; a subclass supplies storage and a critical section that
 * excludes every other acquirer of the same target.
 */
abstract class StoredLeases implements LeaseStore {

    private static final Logger LOG = LoggerFactory.getLogger(StoredLeases.class);

    private final Clock clock;

    StoredLeases(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code action} while no other acquirer of {@code target} can read or write its lease. */
    abstract <T> T exclusively(String target, Supplier<T> action);

    /** The stored lease of {@code target}, or null. */
    abstract LeaseState read(String target);

    abstract void write(LeaseState state);

    abstract void delete(String target);

    @Override
    public Lease acquire(String target, String owner, String operationId, Duration ttl) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(operationId, "operationId");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new OpsValidationException("lease ttl must be positive, got " + ttl);
        }
        LeaseState state = exclusively(target, () -> {
            Instant now = clock.instant();
            LeaseState current = read(target);
            if (current != null) {
                if (current.expiresAt().isAfter(now)) {
                    throw new LeaseHeldException(target, current.holder(), current.operationId(), current.expiresAt());
                }
                LOG.warn("taking over the expired lease on {} held by {} for operation {} (expired {})",
                        target, current.holder(), current.operationId(), current.expiresAt());
            }
            LeaseState mine = new LeaseState(target, owner, operationId, UUID.randomUUID().toString(), now.plus(ttl));
            write(mine);
            return mine;
        });
        return new StoredLease(state, ttl);
    }

    private final class StoredLease implements Lease {
        private final Duration ttl;
        private volatile LeaseState state;

        StoredLease(LeaseState state, Duration ttl) {
            this.state = state;
            this.ttl = ttl;
        }

        @Override
        public String target() {
            return state.target();
        }

        @Override
        public String holder() {
            return state.holder();
        }

        @Override
        public String operationId() {
            return state.operationId();
        }

        @Override
        public Instant expiresAt() {
            return state.expiresAt();
        }

        @Override
        public void renew() {
            state = exclusively(state.target(), () -> {
                LeaseState current = read(state.target());
                if (current == null || !current.token().equals(state.token())) {
                    if (current == null) {
                        // Nobody else holds it: re-establish ours rather than fail a healthy apply.
                        LOG.warn("lease on {} vanished from the store; re-creating it", state.target());
                    } else {
                        throw new LeaseHeldException(current.target(), current.holder(), current.operationId(),
                                current.expiresAt());
                    }
                }
                LeaseState renewed = new LeaseState(state.target(), state.holder(), state.operationId(),
                        state.token(), clock.instant().plus(ttl));
                write(renewed);
                return renewed;
            });
        }

        @Override
        public void release() {
            exclusively(state.target(), () -> {
                LeaseState current = read(state.target());
                if (current != null && current.token().equals(state.token())) {
                    delete(state.target());
                }
                return null;
            });
        }

        @Override
        public String toString() {
            return "Lease[" + state.target() + " held by " + state.holder() + " for " + state.operationId()
                    + " until " + state.expiresAt() + "]";
        }
    }
}
