package io.opsstack.testkit.internal.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsCancelledException;

/**
 * Terminates a process together with everything it spawned. Descendants are captured before the
 * root is signalled because they are re-parented (and no longer listed) once the root is gone.
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /** Sends SIGTERM to the tree, waits up to {@code grace}, then SIGKILLs what is left; true if it stopped gracefully. */
    public static boolean terminate(ProcessHandle root, Duration grace) {
        return awaitOrKill(sendTerminate(root), grace);
    }

    /** Sends SIGTERM to the process and its descendants; returns the tree (root first) for {@link #awaitOrKill}. */
    public static List<ProcessHandle> sendTerminate(ProcessHandle root) {
        List<ProcessHandle> tree = treeOf(root);
        tree.forEach(ProcessHandle::destroy);
        return tree;
    }

    /** Waits up to {@code grace} for the root of the tree to exit, then SIGKILLs every survivor; true if it exited in time. */
    public static boolean awaitOrKill(List<ProcessHandle> tree, Duration grace) {
        boolean exited = awaitExit(tree.get(0), grace);
        kill(tree);
        if (!exited) {
            awaitExit(tree.get(0), Duration.ofSeconds(10));
        }
        return exited;
    }

    /** Sends SIGKILL to the root and all its descendants and waits briefly for the root to go. */
    public static void kill(ProcessHandle root) {
        kill(treeOf(root));
        awaitExit(root, Duration.ofSeconds(10));
    }

    /** True if the process exited within the timeout. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for process " + process.pid() + " to exit", e);
        }
    }

    /** The process command line, or empty when the system does not reveal it. */
    public static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        tree.add(0, root);
        return tree;
    }

    private static void kill(List<ProcessHandle> tree) {
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
