package io.opsstack.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation as the CLI offers it: its name, what it does, and its flags, which turn a command
 * line into the request map stored in the plan file.
 */
record CliOperation(String name, String summary, List<CliFlag> flags) {

    CliOperation {
        flags = List.copyOf(flags);
    }

    static CliOperation of(String name, String summary, CliFlag... flags) {
        return new CliOperation(name, summary, List.of(flags));
    }

    /** The request map from the flags of the command line; no I/O other than reading FILE flags. */
    Map<String, Object> request(CliArgs args) {
        Map<String, Object> request = new LinkedHashMap<>();
        flags.forEach(flag -> flag.read(args, request));
        return request;
    }

    /** The flags on one line, e.g. {@code --node NAME [--wait-timeout DURATION]}. */
    String usage() {
        return String.join(" ", flags.stream().map(CliFlag::usage).toList());
    }

    /** {@code help <operation>}: what it does, then every flag with its description. */
    String help() {
        StringBuilder text = new StringBuilder();
        text.append("usage: plan ").append(name).append(' ').append(usage()).append(" --out plan.json\n\n")
                .append(summary).append("\n\nflags:\n");
        for (CliFlag flag : flags) {
            text.append(String.format("  %-36s %s%n", flag.usage(), flag.description()));
        }
        return text.toString();
    }
}
