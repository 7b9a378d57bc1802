package io.opsstack.cli;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flag of an operation: {@code --name} becomes the request key {@code key} (a dotted key such as
 * {@code service_control.inventory} goes into a nested map), converted by its {@link Kind}.
 *
 * @param name the flag without {@code --}
 * @param key the request key
 * @param kind how the value is read and stored
 * @param required whether plan refuses to run without it
 * @param description one line for {@code help <operation>}
 */
record CliFlag(String name, String key, Kind kind, boolean required, String description) {

    /** How a flag's text becomes a request value. */
    enum Kind {
        /** The text as given. */
        TEXT("VALUE"),
        /** Repeatable and comma-separated, stored as a list. */
        LIST("A[,B...]"),
        /** A duration ({@code 90s}, {@code 30m}, {@code 2h}, {@code PT5M}) stored as whole seconds. */
        SECONDS("DURATION"),
        /** A duration stored as whole milliseconds. */
        MILLIS("DURATION"),
        /** A duration stored as ISO-8601 text ({@code PT30S}), the form of the SSH operations' options. */
        ISO_DURATION("DURATION"),
        /** A whole number. */
        NUMBER("N"),
        /** Takes no value: present means true. */
        SWITCH(""),
        /** A JSON or YAML file whose content is stored in the request, so apply does not read the file again. */
        FILE("FILE");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }
    }

    static CliFlag required(String name, String key, Kind kind, String description) {
        return new CliFlag(name, key, kind, true, description);
    }

    static CliFlag optional(String name, String key, Kind kind, String description) {
        return new CliFlag(name, key, kind, false, description);
    }

    /** {@code --name VALUE}, in brackets when optional. */
    String usage() {
        String text = "--" + name + (kind == Kind.SWITCH ? "" : " " + kind.placeholder);
        return required ? text : "[" + text + "]";
    }

    /** Reads the flag from the command line into {@code request}; absent optional flags leave it alone. */
    void read(CliArgs args, Map<String, Object> request) {
        Object value = switch (kind) {
            case LIST -> required ? args.requiredList(name) : nullIfEmpty(args.list(name));
            case SWITCH -> args.isSet(name) ? Boolean.TRUE : null;
            default -> {
                String text = required ? args.required(name) : args.optional(name);
                yield text == null ? null : convert(text);
            }
        };
        if (value != null) {
            put(request, key, value);
        }
    }

    private Object convert(String text) {
        return switch (kind) {
            case SECONDS -> duration(text).toSeconds();
            case MILLIS -> duration(text).toMillis();
            case ISO_DURATION -> duration(text).toString();
            case NUMBER -> number(text);
            case FILE -> StructuredFiles.read(Paths.get(text), "--" + name);
            default -> text;
        };
    }

    private Duration duration(String text) {
        return CliArgs.parseDuration("--" + name, text);
    }

    private long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> request, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            request.put(key, value);
            return;
        }
        Object nested = request.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        put((Map<String, Object>) nested, key.substring(dot + 1), value);
    }
}
