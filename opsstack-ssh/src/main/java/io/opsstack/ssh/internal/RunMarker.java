package io.opsstack.ssh.internal;

import java.time.Duration;
import java.util.UUID;

import io.opsstack.ssh.Command;

/**
 * Tags each remote command with a unique environment variable so that a timed-out command can be
 * found and killed with its whole process group. The SSH "signal" request alone is not enough:
 * OpenSSH ignores it for root logins (no privilege separation there).
 */
public final class RunMarker {
    public static final String VARIABLE = "OPSSTACK_RUN_ID";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);

    private final String id = UUID.randomUUID().toString();

    /** The line to send: the marker exported, then the command. */
    public String wrap(String commandLine) {
        return VARIABLE + "=" + id + "; export " + VARIABLE + "; " + commandLine;
    }

    /**
     * Kills (SIGKILL) the process group of every process carrying this marker (Linux {@code /proc});
     * through sudo when the command ran through sudo.
     */
    public Command killCommand(boolean sudo) {
        String script = "for p in /proc/[0-9]*; do"
                + " if tr '\\0' '\\n' < \"$p/environ\" 2>/dev/null | grep -qx '" + VARIABLE + "=" + id + "'; then"
                + " g=$(ps -o pgid= -p \"${p#/proc/}\" | tr -d ' '); [ -n \"$g\" ] && kill -KILL -- \"-$g\" 2>/dev/null;"
                + " kill -KILL \"${p#/proc/}\" 2>/dev/null; fi; done; exit 0";
        return Command.builder().shell(script).sudo(sudo).timeout(KILL_TIMEOUT).check(false).build();
    }
}
