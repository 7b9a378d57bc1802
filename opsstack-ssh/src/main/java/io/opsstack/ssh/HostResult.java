package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One host's outcome in a {@link FanOutResult}.
 *
 * @param result the command result when the command ran to an exit status, else null
 * @param error why the host failed (masked), or null
 * @param errorType simple name of the exception that failed the host, or null
 */
public record HostResult(SshTarget target, Status status, CommandResult result, String error, String errorType)
        implements Serializable {

    /** What happened on a host. */
    public enum Status {
        /** The command ran and its exit code was accepted. */
        SUCCEEDED,
        /** The command failed, could not be run, or exited with an unaccepted code. */
        FAILED,
        /** Not started because an earlier host failed and the fan-out is fail-fast. */
        SKIPPED
    }

    public HostResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target.toString());
        map.put("status", status.name());
        if (result != null) {
            map.put("result", result.toMap());
        }
        if (error != null) {
            map.put("error", error);
            map.put("errorType", errorType);
        }
        return map;
    }
}
