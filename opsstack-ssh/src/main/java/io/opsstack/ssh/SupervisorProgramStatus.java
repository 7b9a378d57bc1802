package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.opsstack.api.service.ServiceState;

/**
 * A line of {@code supervisorctl status <name>}, e.g. {@code web  RUNNING  pid 42, uptime 0:01:02}.
 *
 * @param state supervisor's state name (RUNNING, STOPPED, STARTING, BACKOFF, STOPPING, EXITED, FATAL, UNKNOWN)
 * @param description the rest of the line (pid and uptime, or the exit reason)
 */
public record SupervisorProgramStatus(String program, String state, String description) implements Serializable {

    /** Parses the first status line; anything unparseable yields state UNKNOWN with the text as description. */
    public static SupervisorProgramStatus parse(String program, String output) {
        for (String line : output.split("\\R")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length >= 2 && parts[0].equals(program)) {
                return new SupervisorProgramStatus(program, parts[1], parts.length == 3 ? parts[2] : "");
            }
        }
        return new SupervisorProgramStatus(program, "UNKNOWN", output.strip());
    }

    public ServiceState serviceState() {
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> ServiceState.ACTIVE;
            case "STARTING", "BACKOFF" -> ServiceState.ACTIVATING;
            case "STOPPING" -> ServiceState.DEACTIVATING;
            case "STOPPED", "EXITED" -> ServiceState.INACTIVE;
            case "FATAL" -> ServiceState.FAILED;
            default -> ServiceState.UNKNOWN;
        };
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("program", program);
        map.put("state", state);
        map.put("description", description);
        return map;
    }
}
