package io.opsstack.opensearch.internal.ops.tier;

import java.util.Locale;

/** OpenSearch byte sizes ({@code 500mb}, {@code 1.5gb}, {@code 1024}) to bytes, and bytes to readable text. */
final class ByteSizes {
    private static final String[] UNITS = {"b", "kb", "mb", "gb", "tb", "pb"};

    private ByteSizes() {
    }

    static long parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        for (int i = UNITS.length - 1; i >= 0; i--) {
            if (value.endsWith(UNITS[i])) {
                double number = Double.parseDouble(value.substring(0, value.length() - UNITS[i].length()).trim());
                return (long) (number * Math.pow(1024, i));
            }
        }
        return Long.parseLong(value);
    }

    static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "b" : String.format(Locale.ROOT, "%.1f%s", value, UNITS[unit]);
    }
}
