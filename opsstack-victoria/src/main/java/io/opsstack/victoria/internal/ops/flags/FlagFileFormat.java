package io.opsstack.victoria.internal.ops.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line-based flags file layout: which lines set a flag, and how to write one. Parsing joins a
 * repeated flag with commas (VictoriaMetrics' array flags); updating replaces the first setting
 * in place, drops later ones and keeps every other line.
 */
public abstract class FlagFileFormat {

    /** A short name for messages. */
    public abstract String name();

    /** The flag a line sets, or null for any other line (comments, sections, unrelated settings). */
    protected abstract String flagName(String line);

    /** The value of a line for which {@link #flagName} is not null. */
    protected abstract String flagValue(String line);

    /** The line that sets {@code name} to {@code value}. */
    protected abstract String line(String name, String value);

    /** Adds a new flag line to a file that has none for it. */
    protected void append(List<String> lines, String line) {
        lines.add(line);
    }

    public Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            String name = flagName(line.strip());
            if (name != null) {
                values.merge(name, flagValue(line.strip()), (old, added) -> old + "," + added);
            }
        }
        return values;
    }

    /** {@code text} with {@code name} set to {@code value} (null: removed). */
    public String update(String text, String name, String value) {
        List<String> lines = new ArrayList<>();
        boolean placed = false;
        for (String raw : text.isEmpty() ? new String[0] : text.split("\n", -1)) {
            if (!name.equals(flagName(raw.strip()))) {
                lines.add(raw);
            } else if (!placed && value != null) {
                lines.add(line(name, value));
                placed = true;
            }
        }
        boolean endsWithNewline = !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        if (!placed && value != null) {
            append(lines, line(name, value));
        }
        return String.join("\n", lines) + "\n";
    }

    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
