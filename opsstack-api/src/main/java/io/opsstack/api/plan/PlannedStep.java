package io.opsstack.api.plan;

import io.opsstack.api.internal.json.MapReader;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step of a {@link Plan}.
 *
 * @param index 1-based position in the plan
 * @param id stable identifier, unique within the plan (journal records refer to it)
 * @param action what the step does
 * @param target the node, index, member or cluster the step acts on
 * @param description one readable sentence
 * @param disruptive whether the step changes the system in a way users may notice
 * @param parallelGroup steps sharing a group (and adjacent in the plan) may run concurrently;
 *        null when the step runs on its own
 * @param guards the step's named guards with their result at plan time
 * @param before values before the step, for settings-like steps (absent key = unset)
 * @param after values after the step (absent key = unset)
 * @param validation the server-side validation status
 */
public record PlannedStep(int index, String id, StepAction action, String target, String description,
                          boolean disruptive, String parallelGroup, List<GuardCheck> guards,
                          Map<String, String> before, Map<String, String> after,
                          ServerValidation validation) implements Serializable {

    public PlannedStep {
        if (index < 1) {
            throw new IllegalArgumentException("step index must be 1 or more, got " + index);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(validation, "validation");
        if (id.isBlank()) {
            throw new IllegalArgumentException("step id must not be blank");
        }
        if (parallelGroup != null && parallelGroup.isBlank()) {
            throw new IllegalArgumentException("parallel group must be null or non-blank");
        }
        guards = List.copyOf(guards);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public static Builder builder(String id, StepAction action, String target) {
        return new Builder(id, action, target);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(id, action, target)
                .index(index).description(description).disruptive(disruptive)
                .parallelGroup(parallelGroup).validation(validation);
        builder.guards.addAll(guards);
        builder.before.putAll(before);
        builder.after.putAll(after);
        return builder;
    }

    /** The names of the step's guards, in order. */
    public List<String> guardNames() {
        return guards.stream().map(GuardCheck::name).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("id", id);
        map.put("action", action.name());
        map.put("target", target);
        map.put("description", description);
        map.put("disruptive", disruptive);
        if (parallelGroup != null) {
            map.put("parallel_group", parallelGroup);
        }
        map.put("guards", guards.stream().map(GuardCheck::toMap).toList());
        map.put("before", new LinkedHashMap<>(new TreeMap<>(before)));
        map.put("after", new LinkedHashMap<>(new TreeMap<>(after)));
        map.put("validation", validation.toMap());
        return map;
    }

    /** Reads what {@link #toMap()} wrote; unknown keys are ignored. */
    public static PlannedStep fromMap(Map<?, ?> map) {
        MapReader in = new MapReader(map, "step");
        List<GuardCheck> guards = new ArrayList<>();
        for (Object raw : in.list("guards")) {
            MapReader guard = MapReader.of(raw, "step guard");
            guards.add(new GuardCheck(guard.string("name"), guard.bool("passed"), guard.string("reason")));
        }
        MapReader validation = in.object("validation");
        return new PlannedStep(in.integer("index"), in.string("id"),
                in.enumValue("action", StepAction.class), in.string("target"), in.string("description"),
                in.bool("disruptive"), in.optionalString("parallel_group"), guards,
                in.stringMap("before"), in.stringMap("after"),
                new ServerValidation(validation.enumValue("status", ValidationStatus.class),
                        validation.string("reason")));
    }

    /** Builds a step; the index is assigned by {@link Plan.Builder} from the step's position. */
    public static final class Builder {
        private final String id;
        private final StepAction action;
        private final String target;
        private int index = 1;
        private String description = "";
        private boolean disruptive;
        private String parallelGroup;
        private final List<GuardCheck> guards = new ArrayList<>();
        private final Map<String, String> before = new LinkedHashMap<>();
        private final Map<String, String> after = new LinkedHashMap<>();
        private ServerValidation validation = ServerValidation.notValidated("no server-side validation was made");

        private Builder(String id, StepAction action, String target) {
            this.id = id;
            this.action = action;
            this.target = target;
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder disruptive(boolean disruptive) {
            this.disruptive = disruptive;
            return this;
        }

        public Builder parallelGroup(String parallelGroup) {
            this.parallelGroup = parallelGroup;
            return this;
        }

        /** Adds a guard with its plan-time result. */
        public Builder guard(GuardCheck check) {
            guards.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Adds a guard by name, to be evaluated by {@code PlanExecutor.evaluateGuards}. */
        public Builder guard(String name) {
            return guard(GuardCheck.notEvaluated(name));
        }

        /** Replaces all guards. */
        public Builder guards(List<GuardCheck> checks) {
            guards.clear();
            guards.addAll(checks);
            return this;
        }

        /** Records a value before and after the step; a null side means unset. */
        public Builder change(String key, String beforeValue, String afterValue) {
            if (beforeValue != null) {
                before.put(key, beforeValue);
            }
            if (afterValue != null) {
                after.put(key, afterValue);
            }
            return this;
        }

        public Builder validation(ServerValidation validation) {
            this.validation = validation;
            return this;
        }

        public PlannedStep build() {
            return new PlannedStep(index, id, action, target, description, disruptive, parallelGroup,
                    guards, before, after, validation);
        }
    }
}
