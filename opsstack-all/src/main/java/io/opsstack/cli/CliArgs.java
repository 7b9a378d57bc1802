package io.opsstack.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: positional words and {@code --name value} / {@code --name=value} flags
 * (a flag may repeat). Flags are read by name; {@link #rejectUnread()} then refuses any flag no
 * one asked for, so a typo never silently falls back to a default.
 */
final class CliArgs {
    /** Flags of every command that take no value; operations add their own (see {@link CliFlag.Kind#SWITCH}). */
    private static final Set<String> SWITCHES = Set.of("yes", "json-events", "json", "help", "dry-run");

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> flags = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    CliArgs(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (SWITCHES.contains(name) || OperationCatalog.isSwitch(name)) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("flag --" + name + " needs a value");
            }
            flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    static CliArgs of(String... args) {
        return new CliArgs(Arrays.asList(args));
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** The last value of {@code --name}, or null. */
    String optional(String name) {
        read.add(name);
        List<String> values = flags.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    String required(String name) {
        String value = optional(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    boolean isSet(String name) {
        String value = optional(name);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** Every value of a repeatable flag, each also split at commas: {@code --index a,b --index c}. */
    List<String> list(String name) {
        read.add(name);
        List<String> values = new ArrayList<>();
        for (String value : flags.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    List<String> requiredList(String name) {
        List<String> values = list(name);
        if (values.isEmpty()) {
            throw new UsageException("missing --" + name);
        }
        return values;
    }

    /** A duration flag: {@code 90s}, {@code 30m}, {@code 2h}, a number of seconds, or ISO-8601 ({@code PT30M}). */
    Duration duration(String name) {
        String value = optional(name);
        return value == null ? null : parseDuration("--" + name, value);
    }

    static Duration parseDuration(String what, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt") || value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            switch (unit) {
                case 's': return Duration.ofSeconds(amount);
                case 'm': return Duration.ofMinutes(amount);
                case 'h': return Duration.ofHours(amount);
                case 'd': return Duration.ofDays(amount);
                default: break;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new UsageException(what + " must be a duration such as 90s, 30m, 2h or PT30M, got '" + text + "'");
    }

    /** Refuses flags nobody read, naming them. */
    void rejectUnread() {
        List<String> unknown = new ArrayList<>();
        for (String name : flags.keySet()) {
            if (!read.contains(name)) {
                unknown.add("--" + name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown flag" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (see `help`)");
        }
    }
}
