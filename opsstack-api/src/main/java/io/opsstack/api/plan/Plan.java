package io.opsstack.api.plan;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.internal.json.MapReader;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an operation will do, computed by reading the system only: a first-class artifact that can
 * be rendered, reviewed, saved as JSON and applied later (stale plans are refused at apply time).
 *
 * @param formatVersion version of the serialised form, "major.minor"
 * @param id the plan id, also the default operation id of its journal and lease
 * @param operation the operation name, e.g. {@code opensearch-drain}
 * @param target the cluster or node the operation acts on
 * @param createdAt when the plan was made
 * @param parameters what the user asked for, by name
 * @param steps the steps in order; indexes are 1..n and ids unique
 * @param warnings things a reviewer should know that do not block the plan
 * @param fingerprint the state facts the plan depends on and their hash
 */
public record Plan(String formatVersion, String id, String operation, String target, Instant createdAt,
                   Map<String, String> parameters, List<PlannedStep> steps, List<String> warnings,
                   StateFingerprint fingerprint) implements Serializable {

    /** The format version this library writes. */
    public static final String FORMAT_VERSION = FormatVersion.CURRENT;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public Plan {
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plan id '" + id
                    + "' must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (operation.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("operation and target must not be blank");
        }
        parameters = Map.copyOf(parameters);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            if (step.index() != i + 1) {
                throw new IllegalArgumentException("step '" + step.id() + "' has index " + step.index()
                        + " but is at position " + (i + 1));
            }
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException("step id '" + step.id() + "' is used twice");
            }
        }
    }

    public static Builder builder(String operation, String target) {
        return new Builder(operation, target);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(operation, target).id(id).createdAt(createdAt)
                .stateFacts(fingerprint.facts());
        builder.parameters.putAll(parameters);
        builder.steps.addAll(steps);
        builder.warnings.addAll(warnings);
        return builder;
    }

    /** The step with this id, if the plan has one. */
    public Optional<PlannedStep> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** One line, e.g. "3 steps: 1 update-setting, 1 move, 1 wait; 2 disruptive; guards: 5 pass, 1 fail". */
    public String summary() {
        return PlanText.summary(this);
    }

    /** The long, human-readable form, in the spirit of {@code terraform plan}. */
    public String render() {
        return PlanText.render(this);
    }

    @Override
    public String toString() {
        return "Plan[" + id + ", " + operation + " on " + target + ": " + summary() + "]";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(FormatVersion.KEY, formatVersion);
        map.put("id", id);
        map.put("operation", operation);
        map.put("target", target);
        map.put("created_at", createdAt.toString());
        map.put("parameters", new LinkedHashMap<>(new TreeMap<>(parameters)));
        map.put("steps", steps.stream().map(PlannedStep::toMap).toList());
        map.put("warnings", new ArrayList<>(warnings));
        map.put("state_facts", new LinkedHashMap<>(fingerprint.facts()));
        map.put("state_fingerprint", fingerprint.sha256());
        return map;
    }

    /**
     * Reads what {@link #toMap()} wrote. A higher major {@code format_version} is refused; a higher
     * minor is read and its unknown fields are ignored.
     */
    public static Plan fromMap(Map<?, ?> map) {
        MapReader in = new MapReader(map, "plan");
        String version = in.string(FormatVersion.KEY);
        FormatVersion.check(version, "plan");
        List<PlannedStep> steps = new ArrayList<>();
        for (Object raw : in.list("steps")) {
            if (!(raw instanceof Map<?, ?> step)) {
                throw new OpsValidationException("plan.steps must hold objects, got " + raw);
            }
            steps.add(PlannedStep.fromMap(step));
        }
        List<String> warnings = new ArrayList<>();
        for (Object warning : in.list("warnings")) {
            warnings.add(String.valueOf(warning));
        }
        return new Plan(version, in.string("id"), in.string("operation"), in.string("target"),
                in.instant("created_at"), in.stringMap("parameters"), steps, warnings,
                new StateFingerprint(new TreeMap<>(in.stringMap("state_facts")), in.string("state_fingerprint")));
    }

    /** Indented JSON with a top-level {@code format_version}; {@link #fromJson(String)} reads it back exactly. */
    public String toJson() {
        return Json.pretty(toMap());
    }

    public static Plan fromJson(String json) {
        return fromMap(Json.parseObject(json, "plan JSON"));
    }

    /** Assembles a plan; step indexes follow the order steps are added. */
    public static final class Builder {
        private final String operation;
        private final String target;
        private String id;
        private Instant createdAt;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<PlannedStep> steps = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private Map<String, String> stateFacts = Map.of();

        private Builder(String operation, String target) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Overrides the generated id {@code <operation>-<yyyyMMdd-HHmmss>-<4 hex>}. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder step(PlannedStep step) {
            steps.add(step.toBuilder().index(steps.size() + 1).build());
            return this;
        }

        public Builder step(PlannedStep.Builder step) {
            return step(step.build());
        }

        /** Replaces all steps, re-indexing them in list order. */
        public Builder steps(List<PlannedStep> newSteps) {
            steps.clear();
            newSteps.forEach(this::step);
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        /** The facts of the current state this plan depends on; apply refuses the plan if they change. */
        public Builder stateFacts(Map<String, String> facts) {
            this.stateFacts = new TreeMap<>(facts);
            return this;
        }

        public Plan build() {
            Instant created = createdAt != null ? createdAt : Instant.now();
            String planId = id != null ? id : generateId(operation, created);
            return new Plan(FORMAT_VERSION, planId, operation, target, created, parameters, steps, warnings,
                    StateFingerprint.of(stateFacts));
        }

        private static String generateId(String operation, Instant created) {
            String safeName = operation.replaceAll("[^A-Za-z0-9._-]", "-");
            return safeName + "-" + ID_TIME.format(created) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
        }
    }
}
