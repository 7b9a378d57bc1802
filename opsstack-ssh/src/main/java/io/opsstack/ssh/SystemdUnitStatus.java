package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.opsstack.api.service.ServiceState;

/**
 * What {@code systemctl show -p ActiveState,SubState,MainPID} reports for a unit.
 *
 * @param mainPid 0 when no process runs
 */
public record SystemdUnitStatus(String activeState, String subState, long mainPid) implements Serializable {

    /** Parses {@code Key=value} lines; missing keys become "" and 0. */
    public static SystemdUnitStatus parse(String output) {
        String active = "";
        String sub = "";
        long pid = 0;
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = line.substring(eq + 1).trim();
            switch (line.substring(0, eq).trim()) {
                case "ActiveState" -> active = value;
                case "SubState" -> sub = value;
                case "MainPID" -> pid = value.isEmpty() ? 0 : Long.parseLong(value);
                default -> {
                    // other properties are not asked for
                }
            }
        }
        return new SystemdUnitStatus(active, sub, pid);
    }

    public ServiceState state() {
        return switch (activeState.toLowerCase(Locale.ROOT)) {
            case "active", "reloading" -> ServiceState.ACTIVE;
            case "activating" -> ServiceState.ACTIVATING;
            case "deactivating" -> ServiceState.DEACTIVATING;
            case "inactive" -> ServiceState.INACTIVE;
            case "failed" -> ServiceState.FAILED;
            default -> ServiceState.UNKNOWN;
        };
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("activeState", activeState);
        map.put("subState", subState);
        map.put("mainPid", mainPid);
        map.put("state", state().name());
        return map;
    }
}
