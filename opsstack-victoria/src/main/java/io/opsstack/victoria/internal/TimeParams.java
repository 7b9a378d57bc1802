package io.opsstack.victoria.internal;

import java.time.Duration;
import java.time.Instant;

/** Times and durations as the Prometheus API takes them. */
public final class TimeParams {

    private TimeParams() {
    }

    /** Unix seconds with millisecond fraction, e.g. {@code 1700000000.250}. */
    public static String seconds(Instant instant) {
        long millis = instant.toEpochMilli();
        return Math.floorDiv(millis, 1000) + "." + String.format("%03d", Math.floorMod(millis, 1000));
    }

    /** A duration as seconds with millisecond fraction, e.g. {@code 15.000}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis / 1000 + "." + String.format("%03d", millis % 1000);
    }
}
