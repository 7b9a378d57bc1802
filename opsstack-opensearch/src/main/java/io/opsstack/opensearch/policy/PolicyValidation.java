package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The result of checking a {@link TierPolicy} against a live cluster: empty problems = runnable. */
public record PolicyValidation(String policy, List<PolicyProblem> problems) implements Serializable {

    public PolicyValidation {
        Objects.requireNonNull(policy, "policy");
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws {@link OpsValidationException} listing every problem, unless there are none. */
    public PolicyValidation requireValid() {
        if (!valid()) {
            throw new OpsValidationException(render());
        }
        return this;
    }

    /** One line per problem. */
    public String render() {
        if (valid()) {
            return "tier policy '" + policy + "' can run on this cluster";
        }
        StringBuilder out = new StringBuilder("tier policy '" + policy + "' cannot run on this cluster:");
        problems.forEach(p -> out.append("\n  - ").append(p));
        return out.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy", policy);
        map.put("valid", valid());
        map.put("problems", problems.stream().map(PolicyProblem::toMap).toList());
        return map;
    }
}
