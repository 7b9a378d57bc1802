package io.opsstack.victoria.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.victoria.model.ComponentFlags;

/**
 * Parses {@code /flags}: one {@code -name="value"} per line, the value Go-quoted. Lines that do not
 * look like a flag are skipped.
 */
public final class FlagsParser {

    private FlagsParser() {
    }

    public static ComponentFlags parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : body.split("\n")) {
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (!line.startsWith("-") || equals < 2) {
                continue;
            }
            values.put(line.substring(1, equals), unquote(line.substring(equals + 1)));
        }
        return new ComponentFlags(values);
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
