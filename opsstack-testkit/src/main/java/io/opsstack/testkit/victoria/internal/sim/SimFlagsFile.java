package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flags file of a simulated component: one {@code -name=value} per line, {@code #} comments and
 * blank lines skipped, a repeated flag joined with commas. Read at process start
 * ({@code -sim.flagsFile}); written by the simulator when it lays a node out.
 */
public final class SimFlagsFile {

    private SimFlagsFile() {
    }

    public static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (!line.startsWith("-") || equals < 2) {
                    throw new IllegalArgumentException("not a -name=value line in " + file + ": " + line);
                }
                values.merge(line.substring(1, equals), line.substring(equals + 1), (old, added) -> old + "," + added);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flags file " + file, e);
        }
        return values;
    }

    public static void write(Path file, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# flags of a simulated VictoriaMetrics component, read at start\n");
        values.forEach((name, value) -> text.append('-').append(name).append('=').append(value).append('\n'));
        try {
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write flags file " + file, e);
        }
    }
}
