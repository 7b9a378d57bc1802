package io.opsstack.api.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/** Human-readable forms of a plan. */
final class PlanText {

    private PlanText() {
    }

    static String summary(Plan plan) {
        Map<String, Integer> byAction = new LinkedHashMap<>();
        int disruptive = 0;
        int passed = 0;
        int failed = 0;
        for (PlannedStep step : plan.steps()) {
            byAction.merge(step.action().label(), 1, Integer::sum);
            disruptive += step.disruptive() ? 1 : 0;
            for (GuardCheck guard : step.guards()) {
                if (guard.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int count = plan.steps().size();
        out.append(count).append(count == 1 ? " step" : " steps");
        if (!byAction.isEmpty()) {
            out.append(": ");
            StringBuilder actions = new StringBuilder();
            byAction.forEach((action, n) -> actions.append(actions.length() == 0 ? "" : ", ").append(n)
                    .append(' ').append(action));
            out.append(actions);
        }
        out.append("; ").append(disruptive).append(" disruptive");
        out.append("; guards: ").append(passed).append(" pass, ").append(failed).append(" fail");
        return out.toString();
    }

    static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan: ").append(plan.operation()).append(" on ").append(plan.target()).append('\n');
        line(out, "id", plan.id());
        line(out, "created", plan.createdAt().toString());
        line(out, "fingerprint", "sha256:" + plan.fingerprint().shortHash()
                + " (" + plan.fingerprint().facts().size() + " state facts)");
        if (!plan.parameters().isEmpty()) {
            StringBuilder parameters = new StringBuilder();
            new TreeMap<>(plan.parameters()).forEach((name, value) ->
                    parameters.append(parameters.length() == 0 ? "" : ", ").append(name).append('=').append(value));
            line(out, "parameters", parameters.toString());
        }
        out.append('\n').append(summary(plan)).append('\n');
        for (PlannedStep step : plan.steps()) {
            renderStep(out, step);
        }
        if (!plan.warnings().isEmpty()) {
            out.append("\nWarnings:\n");
            plan.warnings().forEach(warning -> out.append("  ! ").append(warning).append('\n'));
        }
        return out.toString();
    }

    private static void renderStep(StringBuilder out, PlannedStep step) {
        out.append('\n').append(String.format("%3d. ", step.index())).append(step.action().label())
                .append(' ').append(step.target());
        if (step.disruptive()) {
            out.append("  (disruptive)");
        }
        out.append('\n');
        String indent = "       ";
        if (!step.description().isEmpty()) {
            out.append(indent).append(step.description()).append('\n');
        }
        out.append(indent).append("id: ").append(step.id());
        if (step.parallelGroup() != null) {
            out.append(", parallel group: ").append(step.parallelGroup());
        }
        out.append('\n');
        TreeSet<String> keys = new TreeSet<>(step.before().keySet());
        keys.addAll(step.after().keySet());
        for (String key : keys) {
            out.append(indent).append("~ ").append(key).append(": ").append(orUnset(step.before().get(key)))
                    .append(" -> ").append(orUnset(step.after().get(key))).append('\n');
        }
        for (GuardCheck guard : step.guards()) {
            out.append(indent).append(guard.passed() ? "[pass] " : "[FAIL] ").append(guard.name())
                    .append(": ").append(guard.reason()).append('\n');
        }
        if (step.validation().status() != ValidationStatus.NOT_VALIDATED) {
            out.append(indent).append("server validation: ").append(step.validation().status().name().toLowerCase(Locale.ROOT))
                    .append(" (").append(step.validation().reason()).append(")\n");
        }
    }

    private static String orUnset(String value) {
        return value == null ? "(unset)" : value;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-12s %s\n", label + ":", value));
    }
}
