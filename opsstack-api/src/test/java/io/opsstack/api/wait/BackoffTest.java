package io.opsstack.api.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

class BackoffTest {
    @Test
    void fixedDelayNeverChanges() {
        Backoff fixed = Backoff.fixed(Duration.ofSeconds(3));

        assertEquals(Duration.ofSeconds(3), fixed.delay(1));
        assertEquals(Duration.ofSeconds(3), fixed.delay(1000));
        assertEquals("Backoff[fixed PT3S]", fixed.toString());
    }

    @Test
    void exponentialGrowsByTheMultiplierUpToTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0);

        List<Duration> delays = IntStream.rangeClosed(1, 7).mapToObj(backoff::delay).toList();

        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), delays);
        assertEquals(Duration.ofSeconds(1), backoff.delay(Integer.MAX_VALUE), "no overflow far past the cap");
    }

    @Test
    void jitterShortensWithinTheFraction() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0).withJitter(0.25);

        assertEquals(Duration.ofSeconds(4), backoff.delay(3, 0.0));
        assertEquals(Duration.ofSeconds(3), backoff.delay(3, 1.0));
        assertEquals(Duration.ofMillis(3500), backoff.delay(3, 0.5));
        for (int i = 0; i < 1000; i++) {
            Duration delay = backoff.delay(10);
            assertTrue(delay.compareTo(Duration.ofSeconds(6)) >= 0 && delay.compareTo(Duration.ofSeconds(8)) <= 0,
                    delay::toString);
        }
        assertEquals(0.25, backoff.jitter());
        assertEquals(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0).withJitter(0.25), backoff);
    }

    @Test
    void invalidShapesAreRejected() {
        assertThrows(OpsValidationException.class, () -> Backoff.fixed(Duration.ofSeconds(-1)));
        assertThrows(OpsValidationException.class,
                () -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0));
        assertThrows(OpsValidationException.class,
                () -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
        assertThrows(OpsValidationException.class,
                () -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN));
        assertThrows(OpsValidationException.class, () -> Backoff.fixed(Duration.ZERO).withJitter(1.5));
        assertThrows(OpsValidationException.class, () -> Backoff.fixed(Duration.ZERO).delay(0));
    }
}
