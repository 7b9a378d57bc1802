package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ism.IsmPolicyWriter;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lifecycle for time-based indices: phases (hot → warm → cold → delete) entered by age, each with
 * actions. Structure is checked when built (phase names unique, transitions reach existing phases
 * without cycles, ages never decrease along transitions, every phase reachable, nothing follows a
 * delete); what depends on the cluster (attribute values, disk room) is checked by
 * {@code OpenSearchOps.validateTierPolicy} and by the tier runner's plan.
 * <pre>{@code
 * TierPolicy policy = TierPolicy.builder("logs").age(IndexAge.fromName("logs-yyyy.MM.dd"))
 *     .phase(PolicyPhase.of("hot", Duration.ZERO, TierActions.require("temp", "hot")))
 *     .phase(PolicyPhase.of("warm", Duration.ofDays(30), TierActions.require("temp", "warm")))
 *     .phase(PolicyPhase.of("delete", Duration.ofDays(90), TierActions.delete()))
 *     .build();
 * }</pre>
 *
 * @param indexPatterns the indices the policy manages (default: the name pattern's prefix + {@code *})
 * @param templatePriority priority of the exported ISM template
 */
public record TierPolicy(String name, String description, List<String> indexPatterns, IndexAge age,
                         List<PolicyPhase> phases, int templatePriority) implements Serializable {

    public TierPolicy {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new OpsValidationException("policy name must be lower-case letters, digits, '_', '.' or '-', was '" + name + "'");
        }
        description = description == null ? "" : description;
        age = age == null ? IndexAge.creationDate() : age;
        indexPatterns = List.copyOf(indexPatterns == null || indexPatterns.isEmpty()
                ? (age.indexPattern() == null ? List.of() : List.of(age.indexPattern()))
                : indexPatterns);
        if (indexPatterns.isEmpty() || indexPatterns.stream().anyMatch(p -> p == null || p.isBlank() || p.contains(","))) {
            throw new OpsValidationException("policy " + name + " needs index patterns (none blank, no commas), got " + indexPatterns);
        }
        phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
        List<String> problems = structureProblems(phases);
        if (!problems.isEmpty()) {
            throw new OpsValidationException("malformed tier policy '" + name + "': " + String.join("; ", problems));
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).description(description).age(age).templatePriority(templatePriority);
        indexPatterns.forEach(builder::indices);
        phases.forEach(builder::phase);
        return builder;
    }

    /** The phase with this name, or null. */
    public PolicyPhase phase(String phaseName) {
        return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst().orElse(null);
    }

    /** The phase that follows {@code phase}, or null when it is the end of the lifecycle. */
    public PolicyPhase next(PolicyPhase phase) {
        if (phase.next() != null) {
            return phase(phase.next());
        }
        int position = phases.indexOf(phase);
        return position + 1 < phases.size() ? phases.get(position + 1) : null;
    }

    /** The phases in lifecycle order, from the first along the transitions. */
    public List<PolicyPhase> lifecycle() {
        List<PolicyPhase> order = new ArrayList<>();
        for (PolicyPhase p = phases.get(0); p != null; p = next(p)) {
            order.add(p);
        }
        return order;
    }

    /** The phase an index of this age is in: the last phase along the lifecycle whose minimum age it has reached. */
    public PolicyPhase phaseFor(Duration indexAge) {
        PolicyPhase current = phases.get(0);
        for (PolicyPhase p = next(current); p != null && indexAge.compareTo(p.minAge()) >= 0; p = next(p)) {
            current = p;
        }
        return current;
    }

    /** This policy as an ISM policy document (see {@link IsmPolicyExport#warnings()} for what ISM cannot express). */
    public IsmPolicyExport toIsm() {
        return IsmPolicyWriter.write(this);
    }

    /**
     * Keys: {@code name}, {@code description}, {@code indices} (list or comma text), {@code age_from}
     * ({@code creation_date} or a name pattern such as {@code logs-yyyy.MM.dd}), {@code phases} (list of
     * {@link PolicyPhase#fromMap} maps), {@code template_priority}. Unknown keys are rejected.
     */
    @SuppressWarnings("unchecked")
    public static TierPolicy fromMap(Map<String, ?> map) {
        Builder builder = builder(map.get("name") == null ? null : String.valueOf(map.get("name")));
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "name" -> { }
                case "description" -> builder.description(String.valueOf(value));
                case "indices" -> (value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value).split(","))).forEach(p -> builder.indices(p.trim()));
                case "age_from" -> builder.age(IndexAge.parse(String.valueOf(value)));
                case "template_priority" -> builder.templatePriority(templatePriority(value));
                case "phases" -> {
                    if (!(value instanceof List<?> list)) {
                        throw new OpsValidationException("tier policy 'phases' must be a list of maps");
                    }
                    for (Object phase : list) {
                        if (!(phase instanceof Map<?, ?> m)) {
                            throw new OpsValidationException("tier policy phase must be a map, got " + phase);
                        }
                        builder.phase(PolicyPhase.fromMap((Map<String, ?>) m));
                    }
                }
                default -> throw new OpsValidationException("unknown tier policy key '" + entry.getKey()
                        + "'; known: name, description, indices, age_from, phases, template_priority");
            }
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("description", description);
        map.put("indices", indexPatterns);
        map.put("age_from", age.text());
        map.put("phases", phases.stream().map(PolicyPhase::toMap).toList());
        map.put("template_priority", templatePriority);
        return map;
    }

    private static List<String> structureProblems(List<PolicyPhase> phases) {
        List<String> problems = new ArrayList<>();
        if (phases.isEmpty()) {
            problems.add("it has no phases");
            return problems;
        }
        Map<String, PolicyPhase> byName = new HashMap<>();
        for (PolicyPhase phase : phases) {
            if (byName.put(phase.name(), phase) != null) {
                problems.add("phase name '" + phase.name() + "' is used twice");
            }
        }
        if (!phases.get(0).minAge().isZero()) {
            problems.add("the first phase '" + phases.get(0).name() + "' must have minimum age 0 (it is where every index starts)");
        }
        for (int i = 0; i < phases.size(); i++) {
            PolicyPhase phase = phases.get(i);
            String next = phase.next() != null ? phase.next() : (i + 1 < phases.size() ? phases.get(i + 1).name() : null);
            if (next == null) {
                continue;
            }
            PolicyPhase target = byName.get(next);
            if (target == null) {
                problems.add("phase '" + phase.name() + "' transitions to '" + next + "', which is not a phase of the policy "
                        + byName.keySet());
            } else if (phase.deletes()) {
                problems.add("phase '" + phase.name() + "' deletes the index, so it cannot transition to '" + next + "'");
            } else if (target.minAge().compareTo(phase.minAge()) < 0) {
                problems.add("phase '" + next + "' (minimum age " + target.minAge() + ") follows '" + phase.name()
                        + "' (minimum age " + phase.minAge() + "): ages must not decrease along transitions");
            } else if (target == phases.get(0)) {
                problems.add("phase '" + phase.name() + "' transitions back to the first phase '" + next + "'");
            }
        }
        if (problems.isEmpty()) {
            Set<String> reached = new LinkedHashSet<>();
            PolicyPhase p = phases.get(0);
            while (p != null && reached.add(p.name())) {
                int position = phases.indexOf(p);
                String next = p.next() != null ? p.next() : (position + 1 < phases.size() ? phases.get(position + 1).name() : null);
                p = next == null ? null : byName.get(next);
            }
            if (p != null) {
                problems.add("the transitions loop back to phase '" + p.name() + "'");
            }
            for (PolicyPhase phase : phases) {
                if (!reached.contains(phase.name())) {
                    problems.add("phase '" + phase.name() + "' is never reached from '" + phases.get(0).name() + "'");
                }
            }
        }
        return problems;
    }

    /** Builder for {@link TierPolicy}; not thread-safe. */
    private static int templatePriority(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("tier policy 'template_priority' must be a whole number, was '" + value + "'");
        }
    }

    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<String> indexPatterns = new ArrayList<>();
        private IndexAge age = IndexAge.creationDate();
        private final List<PolicyPhase> phases = new ArrayList<>();
        private int templatePriority = 100;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds an index pattern the policy manages. */
        public Builder indices(String pattern) {
            indexPatterns.add(pattern);
            return this;
        }

        public Builder age(IndexAge age) {
            this.age = age;
            return this;
        }

        public Builder phase(PolicyPhase phase) {
            phases.add(phase);
            return this;
        }

        public Builder templatePriority(int templatePriority) {
            this.templatePriority = templatePriority;
            return this;
        }

        public TierPolicy build() {
            return new TierPolicy(name, description, indexPatterns, age, phases, templatePriority);
        }
    }
}
