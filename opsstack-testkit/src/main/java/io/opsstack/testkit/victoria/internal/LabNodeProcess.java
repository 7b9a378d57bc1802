package io.opsstack.testkit.victoria.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.internal.process.LogTail;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessTrees;
import io.opsstack.testkit.internal.process.ShutdownReaper;

/**
 * One named lab process (a VictoriaMetrics binary or a simulated cluster component) with its
 * console log and pid file. Its command may be replaced between runs (a restart with new flags).
 * Thread-safe.
 */
public final class LabNodeProcess {
    private static final int LOG_TAIL_LINES = 40;
    private static final int LOG_TAIL_CHARS = 4000;

    private final String name;
    private final Path directory;
    private final int httpPort;
    private List<String> command;
    private Process process;

    public LabNodeProcess(String name, Path directory, int httpPort, List<String> command) {
        this.name = name;
        this.directory = directory;
        this.httpPort = httpPort;
        this.command = List.copyOf(command);
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path consoleLog() {
        return directory.resolve("console.log");
    }

    public Path pidFile() {
        return directory.resolve(name + ".pid");
    }

    public synchronized List<String> command() {
        return command;
    }

    /** Replaces the command used by the next launch. */
    public synchronized void command(List<String> newCommand) {
        this.command = List.copyOf(newCommand);
    }

    /** Launches unless already running. */
    public synchronized void launch() {
        if (isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OpsException("cannot launch " + name + ": " + e.getMessage(), e, name, null, null);
        }
        ShutdownReaper.track(process.toHandle());
        PidRecords.write(pidFile(), process.pid());
    }

    /** SIGTERM (VictoriaMetrics stops gracefully on it), SIGKILL of the tree after {@code grace}; true if graceful. */
    public boolean stop(Duration grace) {
        ProcessHandle handle = handle();
        boolean graceful = handle == null || ProcessTrees.terminate(handle, grace);
        forget();
        return graceful;
    }

    /** SIGKILL of the tree: a crash. */
    public void kill() {
        ProcessHandle handle = handle();
        if (handle != null) {
            ProcessTrees.kill(handle);
        }
        forget();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** True if it ended without being stopped. */
    public synchronized boolean exited() {
        return process != null && !process.isAlive();
    }

    public synchronized long pid() {
        return isAlive() ? process.pid() : -1;
    }

    public synchronized ProcessHandle handle() {
        return isAlive() ? process.toHandle() : null;
    }

    public String logTail() {
        return LogTail.of(consoleLog(), LOG_TAIL_LINES, LOG_TAIL_CHARS);
    }

    private synchronized void forget() {
        if (process != null && !process.isAlive()) {
            ShutdownReaper.untrack(process.toHandle());
            PidRecords.delete(pidFile());
            process = null;
        }
    }
}
