package io.opsstack.api.metrics;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A line the parser skipped, or accepted in a known malformed form.
 *
 * @param lineNumber 1-based line number in the page
 * @param reason     what is wrong with the line
 * @param excerpt    the start of the line, bounded and redacted
 */
public record ParseWarning(long lineNumber, String reason, String excerpt) implements Serializable {
    public ParseWarning {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1: " + lineNumber);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(excerpt, "excerpt");
    }

    /** A plain map ({@code lineNumber}, {@code reason}, {@code excerpt}). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lineNumber", lineNumber);
        map.put("reason", reason);
        map.put("excerpt", excerpt);
        return map;
    }
}
