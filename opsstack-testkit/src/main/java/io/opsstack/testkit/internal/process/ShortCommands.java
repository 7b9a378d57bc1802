package io.opsstack.testkit.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;

/** Runs short helper commands (id, useradd, mvn) with a timeout and a bounded output capture. */
public final class ShortCommands {

    private static final int OUTPUT_LINES = 40;
    private static final int OUTPUT_CHARS = 4000;

    private ShortCommands() {
    }

    /** Exit code and the tail of stdout+stderr of a finished command. */
    public record Outcome(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs the command; fails if it cannot be started or does not finish within the timeout. */
    public static Outcome run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /** Runs the command with extra environment variables. */
    public static Outcome run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("opsstack-cmd", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.kill(process.toHandle());
                throw new OpsException("command did not finish within " + timeout + ": " + String.join(" ", command)
                        + "\n" + LogTail.of(output, OUTPUT_LINES, OUTPUT_CHARS));
            }
            return new Outcome(process.exitValue(), LogTail.of(output, OUTPUT_LINES, OUTPUT_CHARS));
        } catch (IOException e) {
            throw new OpsException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("running " + command.get(0), e);
        } finally {
            deleteQuietly(output);
        }
    }

    /** Finds an executable on PATH (or at one of the given absolute fallbacks); null if absent. */
    public static Path findExecutable(String name, String... fallbacks) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        for (String fallback : fallbacks) {
            Path candidate = Path.of(fallback);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
