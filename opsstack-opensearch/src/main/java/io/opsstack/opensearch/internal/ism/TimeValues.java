package io.opsstack.opensearch.internal.ism;

import io.opsstack.api.error.OpsValidationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenSearch time values ({@code 30d}, {@code 12h}, {@code 500ms}) to and from {@link Duration}. */
public final class TimeValues {
    private static final Pattern VALUE = Pattern.compile("(\\d+)\\s*(d|h|m|s|ms|micros|nanos)");

    private TimeValues() {
    }

    /** The largest whole unit that represents {@code duration} exactly: {@code 1d}, {@code 36h}, {@code 90s}, {@code 0ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0ms";
        }
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return millis + "ms";
    }

    /** Parses a time value; a bare number is not accepted (its unit would be a guess). */
    public static Duration parse(String text, String what) {
        Matcher m = VALUE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new OpsValidationException(what + " must be a time value such as 30d, 12h, 15m, 30s or 500ms, was '"
                    + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "ms" -> Duration.ofMillis(amount);
            case "micros" -> Duration.ofNanos(amount * 1000);
            default -> Duration.ofNanos(amount);
        };
    }

    /** A Duration given as a {@code Duration}, or as a time value text in a script map. */
    public static Duration fromObject(Object value, String what) {
        return value instanceof Duration d ? d : parse(String.valueOf(value), what);
    }
}
