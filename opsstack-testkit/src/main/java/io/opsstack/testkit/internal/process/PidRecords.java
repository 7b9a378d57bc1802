package io.opsstack.testkit.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pid files that survive the JVM. A test JVM killed with SIGKILL runs no shutdown hook, so its
 * servers live on; the next lab on the same directory reads these files and ends them.
 */
public final class PidRecords {

    private static final Duration STALE_GRACE = Duration.ofSeconds(5);

    private PidRecords() {
    }

    /** Records the pid. */
    public static void write(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, Long.toString(pid) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + pidFile, e);
        }
    }

    /** Removes the record (the process is known to be gone). */
    public static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + pidFile, e);
        }
    }

    /** The recorded pid, if the file exists and holds a number. */
    public static Optional<Long> read(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pid file " + pidFile, e);
        }
    }

    /**
     * Ends the processes recorded in the given files whose command line still contains
     * {@code commandLineMarker} (a recycled pid belonging to something else is left alone), then
     * deletes the files. Returns the pids that were ended.
     */
    public static List<Long> endStale(List<Path> pidFiles, String commandLineMarker) {
        List<Long> ended = new ArrayList<>();
        for (Path pidFile : pidFiles) {
            Optional<ProcessHandle> process = read(pidFile).flatMap(ProcessHandle::of);
            if (process.isPresent() && process.get().isAlive()
                    && ProcessTrees.commandLine(process.get()).contains(commandLineMarker)) {
                ProcessTrees.terminate(process.get(), STALE_GRACE);
                ended.add(process.get().pid());
            }
            delete(pidFile);
        }
        return List.copyOf(ended);
    }
}
