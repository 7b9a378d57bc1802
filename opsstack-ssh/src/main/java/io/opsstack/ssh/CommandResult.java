package io.opsstack.ssh;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a remote command. {@code command} is the masked display form; stdout and stderr
 * are masked too and bounded by the command's limits (a truncated stream ends with a marker).
 *
 * @param exitSignal the signal that ended the command (e.g. "KILL"), or null; exitCode is -1 then
 */
public record CommandResult(SshTarget target, String command, int exitCode, String exitSignal, String stdout,
                            String stderr, Duration duration, boolean stdoutTruncated, boolean stderrTruncated)
        implements Serializable {

    public CommandResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
    }

    /** stdout split into lines, without line terminators. */
    public List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\r?\n"));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target.toString());
        map.put("command", command);
        map.put("exitCode", exitCode);
        if (exitSignal != null) {
            map.put("exitSignal", exitSignal);
        }
        map.put("stdout", stdout);
        map.put("stderr", stderr);
        map.put("durationMillis", duration.toMillis());
        map.put("stdoutTruncated", stdoutTruncated);
        map.put("stderrTruncated", stderrTruncated);
        return map;
    }

    @Override
    public String toString() {
        return "CommandResult[" + target + " `" + command + "` exit " + (exitSignal == null ? exitCode : "signal " + exitSignal)
                + ", " + stdout.length() + " chars out, " + stderr.length() + " chars err, " + duration.toMillis() + " ms]";
    }
}
