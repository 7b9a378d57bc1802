package io.opsstack.api.lease;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Leases in this JVM's memory: excludes concurrent applies within one process only. The engine's
 * default is the process-wide {@link #shared()} instance.
 */
public final class InMemoryLeaseStore extends StoredLeases {

    private static final InMemoryLeaseStore SHARED = new InMemoryLeaseStore();

    private final Map<String, LeaseState> leases = new HashMap<>();

    public InMemoryLeaseStore() {
        this(Clock.systemUTC());
    }

    /** A store reading time from {@code clock} (tests move time forward to expire leases). */
    public InMemoryLeaseStore(Clock clock) {
        super(clock);
    }

    /** The process-wide store used when apply options name none. */
    public static InMemoryLeaseStore shared() {
        return SHARED;
    }

    @Override
    synchronized <T> T exclusively(String target, Supplier<T> action) {
        return action.get();
    }

    @Override
    LeaseState read(String target) {
        return leases.get(target);
    }

    @Override
    void write(LeaseState state) {
        leases.put(state.target(), state);
    }

    @Override
    void delete(String target) {
        leases.remove(target);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryLeaseStore[" + leases.size() + " leases]";
    }
}
