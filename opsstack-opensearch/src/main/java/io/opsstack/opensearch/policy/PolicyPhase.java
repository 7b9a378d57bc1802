package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ism.TimeValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One phase (ISM state) of a {@link TierPolicy}: an index enters it once it is {@code minAge} old and
 * gets its actions in order.
 *
 * @param minAge age at which an index enters this phase (0 for the first phase)
 * @param rollover rollover conditions while in this phase (ISM only); null for none
 * @param next the phase that follows; null = the next phase in the policy's list (none after the last)
 */
public record PolicyPhase(String name, Duration minAge, List<TierAction> actions, RolloverConditions rollover,
                          String next) implements Serializable {

    public PolicyPhase {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new OpsValidationException("phase name must be letters, digits, '_' or '-', was '" + name + "'");
        }
        if (minAge == null || minAge.isNegative()) {
            throw new OpsValidationException("phase " + name + ": minimum age must be zero or positive, was " + minAge);
        }
        actions = List.copyOf(actions == null ? List.of() : actions);
        checkActionOrder(name, actions);
        if (next != null && next.isBlank()) {
            next = null;
        }
    }

    /** A phase entered at {@code minAge} with {@code actions}, followed by the next phase in the list. */
    public static PolicyPhase of(String name, Duration minAge, TierAction... actions) {
        return new PolicyPhase(name, minAge, List.of(actions), null, null);
    }

    public PolicyPhase withRollover(RolloverConditions conditions) {
        return new PolicyPhase(name, minAge, actions, conditions, next);
    }

    public PolicyPhase withNext(String nextPhase) {
        return new PolicyPhase(name, minAge, actions, rollover, nextPhase);
    }

    /** Whether this phase deletes the index. */
    public boolean deletes() {
        return actions.stream().anyMatch(TierAction.Delete.class::isInstance);
    }

    /** Keys: {@code name}, {@code min_age} ({@code 30d}), {@code actions} (list of action maps), {@code rollover}, {@code next}. */
    @SuppressWarnings("unchecked")
    public static PolicyPhase fromMap(Map<String, ?> map) {
        List<TierAction> actions = new ArrayList<>();
        Object rawActions = map.get("actions");
        if (rawActions instanceof List<?> list) {
            for (Object action : list) {
                if (!(action instanceof Map<?, ?> m)) {
                    throw new OpsValidationException("phase " + map.get("name") + ": every action must be a map, got " + action);
                }
                actions.add(TierActions.fromMap((Map<String, ?>) m));
            }
        } else if (rawActions != null) {
            throw new OpsValidationException("phase " + map.get("name") + ": 'actions' must be a list");
        }
        Object minAge = map.get("min_age");
        Object rollover = map.get("rollover");
        return new PolicyPhase(map.get("name") == null ? null : String.valueOf(map.get("name")),
                minAge == null ? Duration.ZERO : TimeValues.fromObject(minAge, "phase min_age"), actions,
                rollover instanceof Map<?, ?> r ? RolloverConditions.fromMap((Map<String, ?>) r) : null,
                map.get("next") == null ? null : String.valueOf(map.get("next")));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("min_age", TimeValues.format(minAge));
        map.put("actions", actions.stream().map(TierAction::toMap).toList());
        if (rollover != null) {
            map.put("rollover", rollover.toMap());
        }
        if (next != null) {
            map.put("next", next);
        }
        return map;
    }

    /** Delete ends a phase, close may only be followed by delete, and no action type repeats. */
    private static void checkActionOrder(String phase, List<TierAction> actions) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            TierAction action = actions.get(i);
            if (action == null) {
                throw new OpsValidationException("phase " + phase + ": action #" + (i + 1) + " is null");
            }
            boolean repeatable = action instanceof TierAction.Allocation;
            if (!repeatable && !seen.add(action.type())) {
                throw new OpsValidationException("phase " + phase + ": action " + action.type() + " appears twice");
            }
            boolean last = i == actions.size() - 1;
            if (action instanceof TierAction.Delete && !last) {
                throw new OpsValidationException("phase " + phase + ": delete must be the last action");
            }
            if (action instanceof TierAction.Close && !last && !(actions.get(i + 1) instanceof TierAction.Delete)) {
                throw new OpsValidationException("phase " + phase + ": only delete may follow close (a closed index takes no other action)");
            }
        }
        if (seen.contains("read_only") && seen.contains("read_write")) {
            throw new OpsValidationException("phase " + phase + ": read_only and read_write contradict each other");
        }
        if (seen.contains("open") && seen.contains("close")) {
            throw new OpsValidationException("phase " + phase + ": open and close contradict each other");
        }
    }
}
