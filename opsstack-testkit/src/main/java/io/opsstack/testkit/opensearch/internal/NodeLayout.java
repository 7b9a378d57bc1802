package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one lab node under {@code <cluster dir>/<node name>}: {@code config/}, {@code data/},
 * {@code logs/} (with {@code console.log}, the process output), {@code tmp/}, and {@code lab.pid}.
 */
public record NodeLayout(Path directory, String clusterName) {

    public Path config() {
        return directory.resolve("config");
    }

    public Path data() {
        return directory.resolve("data");
    }

    public Path logs() {
        return directory.resolve("logs");
    }

    public Path tmp() {
        return directory.resolve("tmp");
    }

    public Path consoleLog() {
        return logs().resolve("console.log");
    }

    public Path serverLog() {
        return logs().resolve(clusterName + ".log");
    }

    /** Pid of the running node process, written by the lab (not by OpenSearch). */
    public Path pidFile() {
        return directory.resolve("lab.pid");
    }

    /** Creates the directories. */
    public void create() {
        try {
            Files.createDirectories(config());
            Files.createDirectories(data());
            Files.createDirectories(logs());
            Files.createDirectories(tmp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create node directories under " + directory, e);
        }
    }
}
