package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a node's {@code config/} directory: the distribution's files, an {@code opensearch.yml}
 * built from the node settings, and a {@code jvm.options} whose relative paths (GC log, error
 * file, heap dumps, the 3.x agent) point into the node directory and the distribution.
 */
public final class NodeConfigWriter {

    private NodeConfigWriter() {
    }

    /** Copies the distribution config and writes the node's settings. */
    public static void write(Path distributionHome, NodeLayout layout, Map<String, Object> settings) {
        try {
            copyTree(distributionHome.resolve("config"), layout.config());
            Files.writeString(layout.config().resolve("opensearch.yml"), yaml(settings), StandardCharsets.UTF_8);
            Path jvmOptions = layout.config().resolve("jvm.options");
            List<String> rewritten = new ArrayList<>();
            for (String line : Files.readAllLines(jvmOptions, StandardCharsets.UTF_8)) {
                rewritten.add(absolutePaths(line, distributionHome, layout));
            }
            Files.write(jvmOptions, rewritten, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of " + layout.directory(), e);
        }
    }

    /** Renders flat settings as YAML; values are strings or lists of strings, written as JSON scalars. */
    static String yaml(Map<String, Object> settings) {
        StringBuilder yaml = new StringBuilder("# written by the opsstack lab; rewritten on every lab start\n");
        for (Map.Entry<String, Object> setting : new TreeMap<>(settings).entrySet()) {
            yaml.append(setting.getKey()).append(": ");
            if (setting.getValue() instanceof List<?>) {
                List<String> quoted = new ArrayList<>();
                for (Object item : (List<?>) setting.getValue()) {
                    quoted.add(quote(String.valueOf(item)));
                }
                yaml.append('[').append(String.join(", ", quoted)).append(']');
            } else {
                yaml.append(quote(String.valueOf(setting.getValue())));
            }
            yaml.append('\n');
        }
        return yaml.toString();
    }

    static String absolutePaths(String line, Path distributionHome, NodeLayout layout) {
        if (line.startsWith("#")) {
            return line;
        }
        return line
                .replace("file=logs/", "file=" + layout.logs() + "/")
                .replace("ErrorFile=logs/", "ErrorFile=" + layout.logs() + "/")
                .replace("-Xloggc:logs/", "-Xloggc:" + layout.logs() + "/")
                .replace("HeapDumpPath=data", "HeapDumpPath=" + layout.data())
                .replace("-javaagent:agent/", "-javaagent:" + distributionHome.resolve("agent") + "/");
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
