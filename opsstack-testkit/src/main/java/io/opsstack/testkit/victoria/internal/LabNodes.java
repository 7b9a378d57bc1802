package io.opsstack.testkit.victoria.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessTrees;

/**
 * The named processes of one lab, and the {@link ServiceControl} over them: stop is SIGTERM with
 * SIGKILL after the timeout (a lab process never outlives the call), start launches the process and
 * returns once its {@code /health} answers 200. Thread-safe.
 */
public final class LabNodes implements ServiceControl {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String labName;
    private final Path labDirectory;
    private final Map<String, LabNodeProcess> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private final Duration startTimeout;

    public LabNodes(String labName, Path labDirectory, Duration startTimeout) {
        this.labName = labName;
        this.labDirectory = labDirectory;
        this.startTimeout = startTimeout;
    }

    public void add(LabNodeProcess node) {
        nodes.put(node.name(), node);
    }

    public LabNodeProcess node(String name) {
        LabNodeProcess node = nodes.get(name);
        if (node == null) {
            throw new OpsValidationException("no node '" + name + "' in lab " + labName + "; known: " + names(), name);
        }
        return node;
    }

    public List<String> names() {
        synchronized (nodes) {
            return List.copyOf(nodes.keySet());
        }
    }

    /** Ends processes a killed earlier run left in this directory (their command line names it). */
    public static List<Long> endStale(Path labDirectory, List<Path> pidFiles) {
        return PidRecords.endStale(pidFiles, labDirectory.toString());
    }

    /** Launches the node and waits for {@code /health} to answer 200. */
    public void launchAndAwait(String name, Duration timeout) {
        LabNodeProcess node = node(name);
        node.launch();
        awaitHealthy(node, timeout);
    }

    @Override
    public void stop(String node, Duration timeout) {
        node(node).stop(timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        launchAndAwait(node, timeout == null ? startTimeout : timeout);
    }

    @Override
    public ServiceState state(String name) {
        LabNodeProcess node = node(name);
        if (node.isAlive()) {
            return ServiceState.ACTIVE;
        }
        return node.exited() ? ServiceState.FAILED : ServiceState.INACTIVE;
    }

    public void kill(String name) {
        node(name).kill();
    }

    /** Stops every node in reverse order of addition; survivors are killed. */
    public void stopAll(Duration grace) {
        List<String> reversed = new ArrayList<>(names());
        Collections.reverse(reversed);
        for (String name : reversed) {
            nodes.get(name).stop(grace);
        }
    }

    /** Live processes (other than this JVM) whose command line names the lab directory. */
    public static List<ProcessHandle> leftovers(Path labDirectory) {
        String marker = labDirectory.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && process.isAlive())
                .filter(process -> ProcessTrees.commandLine(process).contains(marker))
                .collect(Collectors.toList());
    }

    /** Pids of the running nodes. */
    public Set<Long> pids() {
        Set<Long> pids = new TreeSet<>();
        for (String name : names()) {
            long pid = nodes.get(name).pid();
            if (pid > 0) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** Log tails of every node, for failure messages. */
    public String logTails() {
        StringBuilder out = new StringBuilder();
        for (String name : names()) {
            out.append("--- ").append(name).append(" ---\n").append(nodes.get(name).logTail());
        }
        return out.toString();
    }

    private void awaitHealthy(LabNodeProcess node, Duration timeout) {
        URI health = URI.create("http://127.0.0.1:" + node.httpPort() + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            if (!node.isAlive()) {
                throw new OpsException(node.name() + " exited during start:\n" + node.logTail(), null, node.name(), null, null);
            }
            if (answers(health)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new WaitTimeoutException(node.name() + " did not answer " + health + " with 200 within " + timeout
                        + ":\n" + node.logTail(), null, node.name(), attempts, timeout);
            }
            sleep(POLL);
        }
    }

    private boolean answers(URI uri) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for " + uri, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for a lab process", e);
        }
    }

    @Override
    public String toString() {
        return "LabNodes[" + labName + " " + names() + "]";
    }
}
