package io.opsstack.api.error;

import java.util.List;

/** The state changed between {@code plan()} and {@code apply()}; the plan must be made again. */
public class PlanStaleException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final List<String> changes;

    public PlanStaleException(String target, String operation, List<String> changes) {
        super("the plan is stale, plan again: " + String.join("; ", changes), null, target, operation, null);
        this.changes = List.copyOf(changes);
    }

    /** Human-readable descriptions of what differs from the planned state. */
    public List<String> changes() {
        return changes;
    }
}
