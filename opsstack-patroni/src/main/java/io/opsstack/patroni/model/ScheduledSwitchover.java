package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A switchover waiting for its time ({@code /cluster} {@code scheduled_switchover}).
 *
 * @param at the ISO time with zone
 * @param from the leader it switches away from, null if not given
 * @param to the candidate, null if any healthy member may take over
 */
public record ScheduledSwitchover(String at, String from, String to) implements Serializable {

    public ScheduledSwitchover {
        Objects.requireNonNull(at, "at");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", at);
        map.put("from", from);
        map.put("to", to);
        return map;
    }
}
