package io.opsstack.testkit.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.WaitFailedException;

class ChildJvmTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @Test
    void killsTheChildWithSigkillRightAfterTheLineItWaitedFor() throws Exception {
        try (ChildJvm child = ChildJvm.builder().mainClass(Ticker.class).args("tick").maxHeap("32m").start()) {
            String line = child.awaitOutputLine(Pattern.compile("tick 3$"), TIMEOUT);
            child.kill9();

            assertEquals("tick 3", line);
            assertFalse(child.isAlive());
            assertEquals(137, child.awaitExit(TIMEOUT), "128 + SIGKILL: no orderly exit");
            int printed = child.output().size();
            Thread.sleep(300);
            assertEquals(printed, child.output().size(), "nothing printed after the kill");
            assertTrue(child.output().stream().noneMatch(l -> l.contains("shutdown hook")), child.output().toString());
        }
    }

    @Test
    void aChildThatEndsWithoutTheLineFailsTheWaitWithItsOutput() {
        try (ChildJvm child = ChildJvm.builder().mainClass(Ticker.class).args("exit").maxHeap("32m").start()) {
            WaitFailedException e = assertThrows(WaitFailedException.class,
                    () -> child.awaitOutputLine(Pattern.compile("never printed"), TIMEOUT));

            assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
            assertTrue(e.getMessage().contains("leaving early"), e.getMessage());
            assertEquals(3, child.awaitExit(TIMEOUT));
        }
    }

    /** Prints numbered lines until killed, or one line and exit code 3; says so if a shutdown hook runs. */
    public static final class Ticker {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            if (args[0].equals("exit")) {
                System.out.println("leaving early");
                System.exit(3);
            }
            for (int i = 1; ; i++) {
                System.out.println("tick " + i);
                Thread.sleep(50);
            }
        }
    }
}
