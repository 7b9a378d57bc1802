package io.opsstack.opensearch.internal.ism;

import io.opsstack.opensearch.policy.IndexAge;
import io.opsstack.opensearch.policy.IsmPolicyExport;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.TierAction;
import io.opsstack.opensearch.policy.TierPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TierPolicy} in the documented ISM policy format: one state per phase, actions as
 * objects (allocation filters as maps and {@code wait_for} as a boolean, never strings), transitions
 * with {@code min_index_age}, and an {@code ism_template} for new indices.
 */
public final class IsmPolicyWriter {

    private IsmPolicyWriter() {
    }

    public static IsmPolicyExport write(TierPolicy policy) {
        List<String> warnings = new ArrayList<>();
        if (policy.age().source() == IndexAge.Source.INDEX_NAME) {
            warnings.add("ISM counts min_index_age from the index creation date, not from the date in the name ("
                    + policy.age().namePattern() + "); indices created on the day of their name age the same way");
        }
        List<Object> states = new ArrayList<>();
        for (PolicyPhase phase : policy.phases()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", phase.name());
            List<Object> actions = new ArrayList<>();
            if (phase.rollover() != null) {
                actions.add(Map.of("rollover", phase.rollover().toMap()));
                warnings.add("phase " + phase.name() + " rolls over: the managed indices need the setting "
                        + "plugins.index_state_management.rollover_alias and names ending in -<number>");
            }
            phase.actions().forEach(action -> actions.add(action(action)));
            state.put("actions", actions);
            PolicyPhase next = policy.next(phase);
            state.put("transitions", next == null ? List.of() : List.of(transition(next)));
            states.add(state);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("index_patterns", policy.indexPatterns());
        template.put("priority", policy.templatePriority());
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("description", policy.description().isEmpty() ? "tier policy " + policy.name() : policy.description());
        inner.put("default_state", policy.phases().get(0).name());
        inner.put("states", states);
        inner.put("ism_template", List.of(template));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", inner);
        return new IsmPolicyExport(policy.name(), body, warnings);
    }

    private static Map<String, Object> transition(PolicyPhase next) {
        Map<String, Object> transition = new LinkedHashMap<>();
        transition.put("state_name", next.name());
        transition.put("conditions", Map.of("min_index_age", TimeValues.format(next.minAge())));
        return transition;
    }

    /** One ISM action object, e.g. {@code {"replica_count":{"number_of_replicas":0}}}. */
    static Map<String, Object> action(TierAction action) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (action instanceof TierAction.Allocation a) {
            params.put(a.rule().apiName(), Map.of(a.attribute(), a.value()));
            params.put("wait_for", a.waitFor());
        } else if (action instanceof TierAction.ReplicaCount r) {
            params.put("number_of_replicas", r.replicas());
        } else if (action instanceof TierAction.ForceMerge f) {
            params.put("max_num_segments", f.maxSegments());
        } else if (action instanceof TierAction.Shrink s) {
            params.put("num_new_shards", s.shards());
        } else if (action instanceof TierAction.IndexPriority p) {
            params.put("priority", p.priority());
        }
        return Map.of(action.type(), params);
    }
}
