package io.opsstack.testkit.internal.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JVM shutdown hook that kills lab processes still tracked when the JVM exits: the safety net for
 * labs that were never closed. Processes are untracked once stopped normally.
 */
public final class ShutdownReaper {

    private static final Set<ProcessHandle> TRACKED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(new KillTracked(), "opsstack-lab-reaper"));
    }

    private ShutdownReaper() {
    }

    /** Kills the process tree at JVM exit unless {@link #untrack} is called first. */
    public static void track(ProcessHandle process) {
        TRACKED.add(process);
    }

    public static void untrack(ProcessHandle process) {
        TRACKED.remove(process);
    }

    private static final class KillTracked implements Runnable {
        @Override
        public void run() {
            for (ProcessHandle process : TRACKED) {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        }
    }
}
