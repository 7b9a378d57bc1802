package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.internal.process.LogTail;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessTrees;
import io.opsstack.testkit.internal.process.ProcessUser;
import io.opsstack.testkit.internal.process.ShutdownReaper;

/**
 * The process of one lab node. Launching again after a stop reuses the node directory, so the
 * node comes back with its data (a restart, not a new node). Thread-safe.
 */
public final class NodeProcess {

    private static final int LOG_TAIL_LINES = 60;
    private static final int LOG_TAIL_CHARS = 6000;

    private final String name;
    private final NodeLayout layout;
    private final int httpPort;
    private final int transportPort;
    private final NodeJvmLaunch jvmLaunch;
    private final ProcessUser user;

    private Process process;
    private boolean stopRequested;
    /** {@code https} once the node serves TLS (a lab with the security plugin). */
    private volatile String httpScheme = "http";

    public NodeProcess(String name, NodeLayout layout, int httpPort, int transportPort, Path distributionHome,
                       Path javaHome, String javaOptions, ProcessUser user) {
        this.name = name;
        this.layout = layout;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.jvmLaunch = new NodeJvmLaunch(name, layout, distributionHome, javaHome, javaOptions, user);
        this.user = user;
    }

    public String name() {
        return name;
    }

    public NodeLayout layout() {
        return layout;
    }

    public URI httpUri() {
        return URI.create(httpScheme + "://127.0.0.1:" + httpPort);
    }

    /** Marks the node as serving HTTPS, so that {@link #httpUri()} says so. */
    public void serveHttps() {
        httpScheme = "https";
    }

    public int transportPort() {
        return transportPort;
    }

    /** The account the node runs as. */
    public ProcessUser user() {
        return user;
    }

    /**
     * The same node (directory, ports, JVM options, account) on another distribution and JDK, for an upgrade;
     * launch it only after this process stopped.
     */
    public NodeProcess onDistribution(Path otherDistributionHome, Path otherJavaHome) {
        return new NodeProcess(name, layout, httpPort, transportPort, otherDistributionHome, otherJavaHome,
                jvmLaunch.javaOptions(), user);
    }

    /** Launches the node unless it is already running. */
    public synchronized void launch() {
        if (isAlive()) {
            return;
        }
        // -p puts the node directory on the command line from the first moment, which the stale-process check relies on
        ProcessBuilder builder = jvmLaunch.nodeProcess(List.of("-p", layout.logs().resolve("opensearch.pid").toString()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OpsException("cannot launch lab node " + name + ": " + e.getMessage(), e, name, null, null);
        }
        stopRequested = false;
        ShutdownReaper.track(process.toHandle());
        PidRecords.write(layout.pidFile(), process.pid());
    }

    /** SIGTERM to the node's process tree; pair with {@link #awaitStopped}. Returns the tree, empty if not running. */
    public synchronized List<ProcessHandle> requestStop() {
        stopRequested = true;
        if (!isAlive()) {
            return List.of();
        }
        return ProcessTrees.sendTerminate(process.toHandle());
    }

    /** Waits for a requested stop, escalating to SIGKILL after {@code grace}; true if the node stopped gracefully. */
    public boolean awaitStopped(List<ProcessHandle> tree, Duration grace) {
        boolean graceful = tree.isEmpty() || ProcessTrees.awaitOrKill(tree, grace);
        forget();
        return graceful;
    }

    /** Stops gracefully (SIGTERM, SIGKILL after {@code grace}); true if no SIGKILL was needed. */
    public boolean stop(Duration grace) {
        return awaitStopped(requestStop(), grace);
    }

    /** SIGKILL to the node's process tree (a crash, for fault tests). */
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

    /** True if the process ended without a stop or kill request. */
    public synchronized boolean exitedUnexpectedly() {
        return process != null && !process.isAlive() && !stopRequested;
    }

    /** Exit code of an ended process (or -1). */
    public synchronized int exitCode() {
        return process != null && !process.isAlive() ? process.exitValue() : -1;
    }

    /** Bounded tail of the node's console output, for error messages. */
    public String logTail() {
        return consoleTail(layout);
    }

    /** Bounded tail of a node's console output. */
    static String consoleTail(NodeLayout layout) {
        return LogTail.of(layout.consoleLog(), LOG_TAIL_LINES, LOG_TAIL_CHARS);
    }

    private synchronized void forget() {
        if (process != null && !process.isAlive()) {
            ShutdownReaper.untrack(process.toHandle());
            PidRecords.delete(layout.pidFile());
        }
    }
}
