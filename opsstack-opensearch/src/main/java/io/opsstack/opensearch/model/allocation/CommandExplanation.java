package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's explanation of one reroute command ({@code explain=true}).
 *
 * @param command the command's name as the server echoed it ({@code move}, {@code cancel}, …)
 * @param decision the overall decision ({@code YES}, {@code NO}, {@code THROTTLE}; upper case)
 * @param deciders the deciders behind it
 */
public record CommandExplanation(String command, String decision, List<DeciderDecision> deciders)
        implements Serializable {

    public CommandExplanation {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(decision, "decision");
        deciders = List.copyOf(deciders);
    }

    /** Whether the server would carry the command out (YES or THROTTLE). */
    public boolean accepted() {
        return !"NO".equals(decision);
    }

    /** The NO deciders, or the decision when none said no. */
    public String reason() {
        List<String> no = deciders.stream().filter(DeciderDecision::isNo).map(DeciderDecision::toString).toList();
        return no.isEmpty() ? command + " " + decision : command + " " + decision + ": " + String.join("; ", no);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        map.put("decision", decision);
        map.put("deciders", deciders.stream().map(DeciderDecision::toMap).toList());
        return map;
    }
}
