package io.opsstack.api.lease;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsValidationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaseStoreTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private LeaseStore store(String kind) {
        return kind.equals("file") ? new FileLeaseStore(dir, clock) : new InMemoryLeaseStore(clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void heldLeaseRefusesOthersNamingHolderOperationAndExpiry(String kind) {
        LeaseStore store = store(kind);
        Lease lease = store.acquire("cluster-a", "alice@host:1:main", "drain-1", Duration.ofMinutes(2));

        LeaseHeldException held = assertThrows(LeaseHeldException.class,
                () -> store.acquire("cluster-a", "bob", "drain-2", Duration.ofMinutes(2)));

        assertEquals("alice@host:1:main", held.holder());
        assertEquals("drain-1", held.holderOperationId());
        assertEquals(lease.expiresAt(), held.expiresAt());
        assertEquals("cluster-a", held.target().orElseThrow());
        // Other targets are independent.
        store.acquire("cluster-b", "bob", "drain-3", Duration.ofMinutes(2)).release();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void releasedLeaseCanBeTakenAgain(String kind) {
        LeaseStore store = store(kind);
        Lease lease = store.acquire("cluster-a", "alice", "drain-1", Duration.ofMinutes(2));
        lease.release();
        lease.release();

        Lease next = store.acquire("cluster-a", "bob", "drain-2", Duration.ofMinutes(2));

        assertEquals("bob", next.holder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void expiredLeaseIsTakenOverAndTheOldHolderCannotRenewOrRelease(String kind) {
        LeaseStore store = store(kind);
        Lease old = store.acquire("cluster-a", "alice", "drain-1", Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(3));

        Lease taken = store.acquire("cluster-a", "bob", "drain-2", Duration.ofMinutes(2));

        assertEquals("bob", taken.holder());
        LeaseHeldException lost = assertThrows(LeaseHeldException.class, old::renew);
        assertEquals("bob", lost.holder());
        old.release();
        assertThrows(LeaseHeldException.class, () -> store.acquire("cluster-a", "carol", "drain-3", Duration.ofMinutes(2)),
                "the old holder's release must not free the new holder's lease");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void renewExtendsTheLease(String kind) {
        LeaseStore store = store(kind);
        Lease lease = store.acquire("cluster-a", "alice", "drain-1", Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(1));

        lease.renew();
        clock.advance(Duration.ofMinutes(1).plusSeconds(30));

        assertTrue(lease.expiresAt().isAfter(clock.instant()));
        assertThrows(LeaseHeldException.class, () -> store.acquire("cluster-a", "bob", "drain-2", Duration.ofMinutes(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void nonPositiveTtlIsRefused(String kind) {
        assertThrows(OpsValidationException.class, () -> store(kind).acquire("cluster-a", "alice", "op", Duration.ZERO));
    }
}
