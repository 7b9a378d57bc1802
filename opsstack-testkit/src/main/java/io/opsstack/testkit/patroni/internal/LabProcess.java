package io.opsstack.testkit.patroni.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.internal.process.LogTail;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessTrees;
import io.opsstack.testkit.internal.process.ProcessUser;
import io.opsstack.testkit.internal.process.ShutdownReaper;

/**
 * One long-running lab process (etcd or a Patroni member) with its console log and pid file.
 * A graceful stop signals only the root, because Patroni shuts its PostgreSQL down itself (a
 * SIGTERM to the postmaster would be a "smart" shutdown waiting for clients); survivors of the
 * captured tree are killed after the grace period. Thread-safe.
 */
public final class LabProcess {

    private static final int LOG_TAIL_LINES = 60;
    private static final int LOG_TAIL_CHARS = 6000;

    private final String name;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path consoleLog;
    private final Path pidFile;
    private final Map<String, String> environment;
    private final ProcessUser user;

    private Process process;
    private boolean stopRequested;

    public LabProcess(String name, List<String> command, Path workingDirectory, Path consoleLog, Path pidFile,
                      Map<String, String> environment, ProcessUser user) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.consoleLog = consoleLog;
        this.pidFile = pidFile;
        this.environment = Map.copyOf(environment);
        this.user = user;
    }

    public String name() {
        return name;
    }

    public Path consoleLog() {
        return consoleLog;
    }

    /** Launches the process unless it is already running. */
    public synchronized void launch() {
        if (isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(user.wrap(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // libpq and Patroni read these; the lab's own configuration must win
        env.keySet().removeIf(key -> key.startsWith("PG") || key.startsWith("PATRONI_") || key.startsWith("ETCD"));
        env.putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OpsException("cannot launch lab process " + name + ": " + e.getMessage(), e, name, null, null);
        }
        stopRequested = false;
        ShutdownReaper.track(process.toHandle());
        PidRecords.write(pidFile, process.pid());
    }

    /** SIGTERM to the root only; returns the tree captured before (root first), empty if not running. */
    public synchronized List<ProcessHandle> requestStop() {
        stopRequested = true;
        if (!isAlive()) {
            return List.of();
        }
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        tree.add(0, root);
        root.destroy();
        return tree;
    }

    /** Waits for a requested stop, killing the tree after {@code grace}; true if it ended in time. */
    public boolean awaitStopped(List<ProcessHandle> tree, Duration grace) {
        boolean graceful = tree.isEmpty() || ProcessTrees.awaitOrKill(tree, grace);
        forget();
        return graceful;
    }

    /** Graceful stop: SIGTERM, SIGKILL of the whole tree after {@code grace}. */
    public boolean stop(Duration grace) {
        return awaitStopped(requestStop(), grace);
    }

    /** SIGKILL to the process and its descendants, a crash (Patroni detaches its postmaster; the lab kills that itself). */
    public void kill() {
        synchronized (this) {
            stopRequested = true;
            if (isAlive()) {
                ProcessTrees.kill(process.toHandle());
            }
        }
        forget();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process id, or -1 if never launched. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The live process handle, if running. */
    public synchronized ProcessHandle handle() {
        return isAlive() ? process.toHandle() : null;
    }

    /** True if the process ended without a stop or kill request. */
    public synchronized boolean exitedUnexpectedly() {
        return process != null && !process.isAlive() && !stopRequested;
    }

    /** Exit code of an ended process (or -1). */
    public synchronized int exitCode() {
        return process != null && !process.isAlive() ? process.exitValue() : -1;
    }

    /** Bounded tail of the console output, for error messages. */
    public String logTail() {
        return LogTail.of(consoleLog, LOG_TAIL_LINES, LOG_TAIL_CHARS);
    }

    private synchronized void forget() {
        if (process != null && !process.isAlive()) {
            ShutdownReaper.untrack(process.toHandle());
            PidRecords.delete(pidFile);
        }
    }
}
