package io.opsstack.testkit.patroni.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.opsstack.testkit.internal.process.ProcessTrees;

/**
 * Finds processes by a lab directory in their command line: etcd ({@code --data-dir}), Patroni
 * (its config file) and postmasters ({@code -D}). A postmaster outlives a Patroni killed by
 * SIGKILL in an earlier run, and only its command line still names the directory; its workers
 * are found as its descendants.
 */
public final class LeftoverProcesses {

    private LeftoverProcesses() {
    }

    /** Live processes (other than this JVM) whose command line contains the directory. */
    public static List<ProcessHandle> of(Path directory) {
        String marker = directory.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && process.isAlive())
                .filter(process -> ProcessTrees.commandLine(process).contains(marker))
                .collect(Collectors.toList());
    }

    /** Terminates every such process tree (SIGTERM, SIGKILL after {@code grace}); returns their pids. */
    public static List<Long> end(Path directory, Duration grace) {
        List<ProcessHandle> found = of(directory);
        for (ProcessHandle process : found) {
            ProcessTrees.terminate(process, grace);
        }
        return found.stream().map(ProcessHandle::pid).collect(Collectors.toList());
    }
}
