package io.opsstack.api.lease;

import io.opsstack.api.error.LeaseHeldException;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Runs in a second JVM: takes a file lease, prints ACQUIRED, holds it until its stdin closes, then
 * releases it. Prints "HELD holder" and exits 3 if someone else holds it.
 */
public final class LeaseHolderProcess {

    private LeaseHolderProcess() {
    }

    public static void main(String[] args) throws IOException {
        FileLeaseStore store = new FileLeaseStore(Paths.get(args[0]));
        Lease lease;
        try {
            lease = store.acquire(args[1], args[2], "child-operation", Duration.ofMinutes(5));
        } catch (LeaseHeldException e) {
            System.out.println("HELD " + e.holder());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("ACQUIRED");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the lease until the parent closes our stdin
        }
        lease.release();
        System.out.println("RELEASED");
        System.out.flush();
    }
}
