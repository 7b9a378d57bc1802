package io.opsstack.opensearch.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Builds REST paths and parameter values safely from user input. */
public final class RestPaths {

    private RestPaths() {
    }

    /**
     * One path segment from index names or patterns, comma-joined and encoded; wildcards stay readable.
     * Names are checked for characters OpenSearch never allows in them.
     */
    public static String indices(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one index name or pattern is required");
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (name == null || name.isBlank() || name.contains(",") || name.contains("/") || name.contains("\\")
                    || name.contains(" ")) {
                throw new IllegalArgumentException("invalid index name or pattern: '" + name + "'");
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%2A", "*"));
        }
        return out.toString();
    }

    /** One index name as a path segment (no patterns). */
    public static String index(String name) {
        if (name != null && (name.contains("*") || name.contains("?"))) {
            throw new IllegalArgumentException("a single index name is required, not a pattern: '" + name + "'");
        }
        return indices(List.of(name));
    }

    /** A Duration in the server's time-value syntax, in milliseconds ({@code 1500ms}). */
    public static String timeValue(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
