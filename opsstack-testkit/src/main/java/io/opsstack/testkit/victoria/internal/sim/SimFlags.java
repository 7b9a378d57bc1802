package io.opsstack.testkit.victoria.internal.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags in VictoriaMetrics style ({@code -name=value}); a repeated flag is joined with
 * commas, as VictoriaMetrics does for array flags. {@code -sim.flagsFile=<path>} names a file read once
 * at start with one {@code -name=value} per line ({@code #} comments and blank lines skipped) whose
 * flags replace those of the command line — the simulator's stand-in for an environment or args file,
 * so a restart picks up a changed storage list. {@link #render()} gives the {@code /flags} page.
 */
final class SimFlags {
    private final Map<String, String> values = new LinkedHashMap<>();

    SimFlags(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                throw new IllegalArgumentException("not a flag: " + arg);
            }
            String body = arg.substring(1);
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            String value = equals < 0 ? "true" : body.substring(equals + 1);
            values.merge(name, value, (old, added) -> old + "," + added);
        }
        String file = values.get("sim.flagsFile");
        if (file != null) {
            values.putAll(SimFlagsFile.read(Path.of(file)));
        }
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("flag -" + name + " is required");
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    List<String> list(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return Collections.unmodifiableList(items);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    /** Milliseconds, or a number with unit ms/s/m. */
    Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        return value == null ? fallback : SimTime.parseDuration(value);
    }

    /** The {@code /flags} page: {@code -name="value"} per line. */
    String render() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append('-').append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        return out.toString();
    }
}
