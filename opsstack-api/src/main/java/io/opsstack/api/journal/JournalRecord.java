package io.opsstack.api.journal;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a journal knows about one operation id.
 *
 * @param operationId the operation id
 * @param operation the operation name; null when {@code status} is NEW
 * @param target the target; null when {@code status} is NEW
 * @param planFingerprint SHA-256 of the state facts of the plan being applied; null when NEW
 * @param status the last recorded status
 * @param completedSteps ids of the steps that completed, in completion order
 * @param savedValues values saved by steps, by key; a null value means "was unset"
 * @param updatedAt when the last entry was written; null when NEW
 */
public record JournalRecord(String operationId, String operation, String target, String planFingerprint,
                            JournalStatus status, List<String> completedSteps, Map<String, String> savedValues,
                            Instant updatedAt) implements Serializable {

    public JournalRecord {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(status, "status");
        completedSteps = List.copyOf(completedSteps);
        // Map.copyOf refuses null values, which mean "was unset" here.
        savedValues = Collections.unmodifiableMap(new LinkedHashMap<>(savedValues));
    }

    /** The record of an operation id the journal has never seen. */
    public static JournalRecord empty(String operationId) {
        return new JournalRecord(operationId, null, null, null, JournalStatus.NEW, List.of(), Map.of(), null);
    }

    public boolean isCompleted(String stepId) {
        return completedSteps.contains(stepId);
    }

    /**
     * The value saved under {@code key}: empty when nothing was saved; present with a null
     * {@link SavedValue#value()} when "unset" was saved.
     */
    public Optional<SavedValue> savedValue(String key) {
        return savedValues.containsKey(key) ? Optional.of(new SavedValue(key, savedValues.get(key))) : Optional.empty();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("operation_id", operationId);
        map.put("operation", operation);
        map.put("target", target);
        map.put("plan_fingerprint", planFingerprint);
        map.put("status", status.name());
        map.put("completed_steps", new ArrayList<>(completedSteps));
        map.put("saved_values", new LinkedHashMap<>(savedValues));
        map.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        return map;
    }
}
