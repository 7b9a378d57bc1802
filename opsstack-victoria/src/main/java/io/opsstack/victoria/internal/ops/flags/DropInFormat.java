package io.opsstack.victoria.internal.ops.flags;

import java.util.List;

/**
 * A systemd drop-in with one {@code Environment="name=value"} per line under {@code [Service]}. With
 * {@code -envflag.enable} VictoriaMetrics reads flag {@code a.b} from variable {@code a_b}, so names
 * are written with dots turned into underscores and parsed under the variable name.
 */
public final class DropInFormat extends FlagFileFormat {
    private static final String PREFIX = "Environment=";
    private static final String SECTION = "[Service]";

    @Override
    public String name() {
        return "systemd drop-in";
    }

    @Override
    protected String flagName(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String assignment = unquote(line.substring(PREFIX.length()));
        int equals = assignment.indexOf('=');
        return equals < 1 ? null : assignment.substring(0, equals);
    }

    @Override
    protected String flagValue(String line) {
        String assignment = unquote(line.substring(PREFIX.length()));
        return assignment.substring(assignment.indexOf('=') + 1);
    }

    @Override
    protected String line(String name, String value) {
        return PREFIX + "\"" + environmentName(name) + "=" + value + "\"";
    }

    @Override
    public String update(String text, String name, String value) {
        return super.update(text, environmentName(name), value);
    }

    @Override
    protected void append(List<String> lines, String line) {
        if (lines.stream().noneMatch(existing -> existing.strip().equals(SECTION))) {
            lines.add(SECTION);
        }
        lines.add(line);
    }

    private static String environmentName(String flag) {
        return flag.replace('.', '_');
    }
}
