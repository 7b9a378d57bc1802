package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST _cluster/reroute}.
 *
 * @param acknowledged whether the cluster manager acknowledged it
 * @param dryRun whether it was a dry run (nothing changed)
 * @param explanations per command, in order, when {@code explain=true}
 */
public record RerouteResult(boolean acknowledged, boolean dryRun, List<CommandExplanation> explanations)
        implements Serializable {

    public RerouteResult {
        explanations = List.copyOf(explanations);
    }

    /** True when every explained command would be carried out. */
    public boolean allAccepted() {
        return explanations.stream().allMatch(CommandExplanation::accepted);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("acknowledged", acknowledged);
        map.put("dry_run", dryRun);
        map.put("explanations", explanations.stream().map(CommandExplanation::toMap).toList());
        return map;
    }
}
