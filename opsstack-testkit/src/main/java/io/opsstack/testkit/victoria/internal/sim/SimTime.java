package io.opsstack.testkit.victoria.internal.sim;

import java.time.Duration;

/** Prometheus API times and durations: float seconds, or numbers with ms/s/m/h/d units. */
final class SimTime {

    private SimTime() {
    }

    /** A {@code time}/{@code start}/{@code end} value in milliseconds; {@code fallback} when absent. */
    static long parseTimestamp(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Math.round(Double.parseDouble(value) * 1000.0);
    }

    static Duration parseDuration(String value) {
        String text = value.trim();
        String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}, {"d", "86400000"}};
        for (String[] unit : units) {
            if (text.endsWith(unit[0]) && !(unit[0].equals("s") && text.endsWith("ms"))) {
                double number = Double.parseDouble(text.substring(0, text.length() - unit[0].length()));
                return Duration.ofMillis(Math.round(number * Long.parseLong(unit[1])));
            }
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000.0));
    }

    /** Milliseconds as Prometheus API seconds (number with fraction). */
    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
