package io.opsstack.api.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitFailedException;
import io.opsstack.api.error.WaitTimeoutException;

class WaiterTest {
    private final FakeClock clock = new FakeClock();

    /** Returns the scripted answers in order (an Exception is thrown), repeating the last one. */
    private static final class Script implements Poller<String> {
        private final Deque<Object> answers;
        int polls;

        Script(Object... answers) {
            this.answers = new ArrayDeque<>(Arrays.asList(answers));
        }

        @Override
        public String poll() throws Exception {
            polls++;
            Object answer = answers.size() > 1 ? answers.poll() : answers.peek();
            if (answer instanceof Exception e) {
                throw e;
            }
            return (String) answer;
        }
    }

    private Waiter.Builder<String> waiter(Script script) {
        return Waiter.builder(script)
                .description("cluster green")
                .backoff(Backoff.fixed(Duration.ofSeconds(1)))
                .clock(clock);
    }

    @Test
    void successAfterRetriesOnUnmatchedValues() {
        Script script = new Script("red", "yellow", "green");

        WaitResult<String> result = waiter(script).successWhen(Conditions.equalTo("green")).build().await();

        assertEquals(WaitOutcome.SUCCESS, result.outcome());
        assertEquals("green", result.value());
        assertNull(result.exception());
        assertEquals(3, result.attempts());
        assertEquals(Duration.ofSeconds(2), result.elapsed());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), clock.sleeps);
    }

    @Test
    void firstMatchingAcceptorWinsInDeclarationOrder() {
        Condition<String> green = Conditions.equalTo("green");

        WaitResult<String> successFirst = waiter(new Script("green"))
                .successWhen(green).failWhen(green, "never reached").build().run();
        WaitResult<String> failureFirst = waiter(new Script("green"))
                .failWhen(green, "green means broken here").successWhen(green).build().run();

        assertEquals(WaitOutcome.SUCCESS, successFirst.outcome());
        assertEquals(WaitOutcome.FAILED, failureFirst.outcome());
        assertEquals("green means broken here (failWhen(equal to green))", failureFirst.reason());
    }

    @Test
    void retryWhenBeforeFailWhenKeepsPolling() {
        Script script = new Script("starting", "starting", "up");

        WaitResult<String> result = waiter(script)
                .retryWhen(Conditions.named("starting", v -> v.equals("starting")))
                .failWhen(Conditions.named("anything else", v -> !v.equals("up")), "unexpected state")
                .successWhen(Conditions.equalTo("up"))
                .build().await();

        assertEquals(3, result.attempts());
    }

    @Test
    void failureAcceptorThrowsWaitFailedWithItsReason() {
        Waiter<String> waiter = waiter(new Script("yellow", "red"))
                .successWhen(Conditions.equalTo("green"))
                .failWhen(Conditions.named("cluster is red", "red"::equals), "cluster turned red")
                .target("os-a")
                .build();

        WaitFailedException e = assertThrows(WaitFailedException.class, waiter::await);

        assertEquals(2, e.attempts());
        assertEquals("waiting for cluster green: FAILED after 2 attempts in 1.000s: cluster turned red "
                + "(failWhen(cluster is red)); value: red", e.reason());
        assertEquals("os-a", e.target().orElseThrow());
    }

    @Test
    void unmatchedExceptionFailsWithItAsCause() {
        IllegalStateException boom = new IllegalStateException("index missing");
        Waiter<String> waiter = waiter(new Script("yellow", boom))
                .successWhen(Conditions.equalTo("green"))
                .retryOnException(OpsConnectException.class)
                .build();

        WaitFailedException e = assertThrows(WaitFailedException.class, waiter::await);

        assertSame(boom, e.getCause());
        assertEquals(2, e.attempts());
        assertTrue(e.getMessage().contains("unexpected exception IllegalStateException matched no acceptor"),
                e.getMessage());
    }

    @Test
    void retryOnExceptionKeepsPollingAndMatchesSubclasses() {
        Script script = new Script(new OpsConnectException("refused", null, "os-a"),
                new UncheckedIOException(new IOException("reset")), "green");

        WaitResult<String> result = waiter(script)
                .retryOnException(OpsConnectException.class)
                .retryOnException(RuntimeException.class)
                .successWhen(Conditions.equalTo("green"))
                .build().await();

        assertEquals(3, result.attempts());
        assertEquals("green", result.value());
    }

    @Test
    void failOnExceptionAndSuccessOnException() {
        WaitResult<String> failed = waiter(new Script(new IllegalArgumentException("bad request")))
                .failOnException(IllegalArgumentException.class, "request rejected")
                .successWhen(Conditions.equalTo("green"))
                .build().run();
        WaitResult<String> deleted = waiter(new Script("exists", new java.util.NoSuchElementException("gone")))
                .successOnException(java.util.NoSuchElementException.class)
                .build().await();

        assertEquals(WaitOutcome.FAILED, failed.outcome());
        assertEquals("request rejected (failOnException(IllegalArgumentException))", failed.reason());
        assertInstanceOf(IllegalArgumentException.class, failed.exception());
        assertEquals(WaitOutcome.SUCCESS, deleted.outcome());
        assertEquals(2, deleted.attempts());
        assertInstanceOf(java.util.NoSuchElementException.class, deleted.exception());
    }

    @Test
    void deadlineCutsTheLastSleepAndPollsOnceMoreAtIt() {
        Waiter<String> waiter = waiter(new Script("yellow"))
                .successWhen(Conditions.equalTo("green"))
                .backoff(Backoff.fixed(Duration.ofSeconds(3)))
                .timeout(Duration.ofSeconds(10))
                .build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        // Polls at 0, 3, 6, 9 and 10 s: the fourth sleep is cut from 3 s to 1 s.
        assertEquals(5, e.attempts());
        assertEquals(Duration.ofSeconds(10), e.elapsed());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(1)), clock.sleeps);
        assertEquals("waiting for cluster green: TIMED_OUT after 5 attempts in 10.000s: timeout of PT10S reached; "
                + "last attempt returned a value; value: yellow", e.reason());
        assertNull(e.getCause());
    }

    @Test
    void slowPollsCountAgainstTheDeadline() {
        Poller<String> slow = () -> {
            clock.advance(Duration.ofSeconds(4));
            return "yellow";
        };

        WaitResult<String> result = Waiter.builder(slow)
                .successWhen(Conditions.equalTo("green"))
                .backoff(Backoff.fixed(Duration.ofSeconds(1)))
                .timeout(Duration.ofSeconds(10))
                .clock(clock)
                .build().run();

        // Polls end at 4, 9 and 14 s; after the third the deadline has passed.
        assertEquals(WaitOutcome.TIMED_OUT, result.outcome());
        assertEquals(3, result.attempts());
        assertEquals(Duration.ofSeconds(14), result.elapsed());
    }

    @Test
    void maxAttemptsEndsTheWaitWithTheLastExceptionAsCause() {
        OpsConnectException refused = new OpsConnectException("refused", null, "os-a");
        Waiter<String> waiter = waiter(new Script("yellow", refused))
                .successWhen(Conditions.equalTo("green"))
                .retryOnException(OpsConnectException.class)
                .maxAttempts(4)
                .build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, waiter::await);

        assertEquals(4, e.attempts());
        assertSame(refused, e.getCause());
        assertEquals(3, clock.sleeps.size(), "no sleep after the last attempt");
        assertTrue(e.getMessage().contains("all 4 attempts made; last attempt threw; value: yellow; exception: "
                + OpsConnectException.class.getName() + ": refused"), e.getMessage());
    }

    @Test
    void exponentialBackoffWithJitterUsesTheInjectedRandom() {
        Waiter<String> waiter = waiter(new Script("yellow"))
                .successWhen(Conditions.equalTo("green"))
                .backoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(4), 2.0).withJitter(0.5))
                .random(() -> 1.0)
                .maxAttempts(5)
                .build();

        waiter.run();

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2)), clock.sleeps);
    }

    @Test
    void observerIsCalledBeforeEveryPollAndCannotBreakTheWait() {
        List<String> calls = new ArrayList<>();
        WaitObserver observer = (attempt, elapsed, description) -> {
            calls.add(attempt + "@" + elapsed.toSeconds() + "s " + description);
            throw new IllegalStateException("observer bug");
        };

        WaitResult<String> result = waiter(new Script("red", "yellow", "green"))
                .successWhen(Conditions.equalTo("green"))
                .observer(observer)
                .build().await();

        assertEquals(WaitOutcome.SUCCESS, result.outcome());
        assertEquals(List.of("1@0s cluster green", "2@1s cluster green", "3@2s cluster green"), calls);
    }

    @Test
    void interruptedPollCancelsAndKeepsTheFlag() {
        Waiter<String> waiter = Waiter.<String>builder()
                .poll(() -> {
                    throw new InterruptedException();
                })
                .retryOnException(Exception.class)
                .clock(clock)
                .build();

        try {
            OpsCancelledException e = assertThrows(OpsCancelledException.class, waiter::await);
            assertTrue(e.getMessage().contains("waiting for condition"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptDuringARealSleepCancelsTheWait() throws Exception {
        Waiter<String> waiter = waiter(new Script("yellow"))
                .successWhen(Conditions.equalTo("green"))
                .backoff(Backoff.fixed(Duration.ofMinutes(1)))
                .clock(WaitClock.SYSTEM)
                .build();
        Throwable[] thrown = new Throwable[1];
        boolean[] flagKept = new boolean[1];
        Thread thread = new Thread(() -> {
            try {
                waiter.await();
            } catch (Throwable t) {
                thrown[0] = t;
                flagKept[0] = Thread.currentThread().isInterrupted();
            }
        });

        thread.start();
        thread.interrupt();
        thread.join(30_000);

        assertFalse(thread.isAlive());
        assertInstanceOf(OpsCancelledException.class, thrown[0]);
        assertInstanceOf(InterruptedException.class, thrown[0].getCause());
        assertTrue(flagKept[0]);
    }

    @Test
    void conditionDescriptions() {
        class ClusterGreen implements Condition<String> {
            @Override
            public boolean test(String value) {
                return "green".equals(value);
            }
        }
        Condition<String> lambda = v -> true;

        assertEquals("ClusterGreen", new ClusterGreen().description());
        assertEquals("condition", lambda.description());
        assertEquals("has leader", Conditions.named("has leader", lambda).description());
        assertEquals("equal to 3", Conditions.equalTo(3).description());
    }

    @Test
    void resultToMapAndValidation() {
        WaitResult<String> result = waiter(new Script("green"))
                .successWhen(Conditions.equalTo("green")).build().await();

        assertEquals(Map.of("outcome", "SUCCESS", "description", "cluster green", "attempts", 1,
                "elapsedMillis", 0L, "value", "green"), result.toMap());
        assertTrue(result.isSuccess());
        assertThrows(OpsValidationException.class, () -> Waiter.builder(new Script("x")).build());
        assertThrows(NullPointerException.class,
                () -> Waiter.<String>builder().successWhen(Conditions.equalTo("x")).build());
        assertThrows(OpsValidationException.class, () -> Waiter.builder().maxAttempts(0));
        assertThrows(OpsValidationException.class, () -> Waiter.builder().timeout(Duration.ofSeconds(-1)));
    }

    @Test
    void toBuilderKeepsAcceptorsAndSettings() {
        Waiter<String> original = waiter(new Script("yellow"))
                .successWhen(Conditions.equalTo("green"))
                .maxAttempts(2)
                .build();

        WaitResult<String> copy = original.toBuilder().maxAttempts(3).build().run();

        assertEquals(WaitOutcome.TIMED_OUT, copy.outcome());
        assertEquals(3, copy.attempts());
        assertEquals(2, original.run().attempts());
    }
}
