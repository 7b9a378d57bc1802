package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One allocation decider's verdict, e.g. {@code same_shard NO "a copy of this shard is already allocated
 * to this node"}.
 *
 * @param decider the decider's name ({@code filter}, {@code disk_threshold}, {@code awareness}, …)
 * @param decision {@code YES}, {@code NO} or {@code THROTTLE} (upper case)
 * @param explanation the server's sentence; empty when none was given
 */
public record DeciderDecision(String decider, String decision, String explanation) implements Serializable {

    public DeciderDecision {
        Objects.requireNonNull(decider, "decider");
        decision = Objects.requireNonNull(decision, "decision").toUpperCase(Locale.ROOT);
        explanation = explanation == null ? "" : explanation;
    }

    public boolean isNo() {
        return "NO".equals(decision);
    }

    @Override
    public String toString() {
        return decider + " " + decision + (explanation.isEmpty() ? "" : ": " + explanation);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("decider", decider);
        map.put("decision", decision);
        map.put("explanation", explanation);
        return map;
    }
}
