package io.opsstack.api.lease;

import io.opsstack.api.error.LeaseHeldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileLeaseStoreTest {

    @TempDir
    Path dir;

    @Test
    void ofTwoRacingThreadsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String target = "cluster-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> racers = new ArrayList<>();
                for (int racer = 0; racer < 2; racer++) {
                    // Separate store instances, as two applies configured independently would have.
                    FileLeaseStore store = new FileLeaseStore(dir);
                    String owner = "racer-" + racer;
                    racers.add(pool.submit((Callable<Boolean>) () -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            store.acquire(target, owner, "op-" + owner, Duration.ofMinutes(1));
                            return true;
                        } catch (LeaseHeldException e) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> racer : racers) {
                    winners += racer.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leaseHeldByAnotherJvmIsRespectedInBothDirections() throws Exception {
        Process child = startHolder("cluster-x", "child-jvm");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ACQUIRED", out.readLine());
            FileLeaseStore store = new FileLeaseStore(dir);

            LeaseHeldException held = assertThrows(LeaseHeldException.class,
                    () -> store.acquire("cluster-x", "parent", "parent-op", Duration.ofMinutes(1)));
            assertEquals("child-jvm", held.holder());
            assertEquals("child-operation", held.holderOperationId());

            child.getOutputStream().close();
            assertEquals("RELEASED", out.readLine());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());

            Lease mine = store.acquire("cluster-x", "parent", "parent-op", Duration.ofMinutes(1));
            Process refused = startHolder("cluster-x", "second-child");
            try (BufferedReader refusedOut = new BufferedReader(
                    new InputStreamReader(refused.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("HELD parent", refusedOut.readLine());
                assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
                assertEquals(3, refused.exitValue());
            } finally {
                refused.destroyForcibly();
                mine.release();
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startHolder(String target, String owner) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LeaseHolderProcess.class.getName(), dir.toString(), target, owner)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
