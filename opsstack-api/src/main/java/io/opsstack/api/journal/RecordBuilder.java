package io.opsstack.api.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates journal entries into a {@link JournalRecord}; shared by the journal implementations. */
final class RecordBuilder {

    private final String operationId;
    private String operation;
    private String target;
    private String planFingerprint;
    private JournalStatus status = JournalStatus.NEW;
    private final List<String> completedSteps = new ArrayList<>();
    private final Map<String, String> savedValues = new LinkedHashMap<>();
    private Instant updatedAt;

    RecordBuilder(String operationId) {
        this.operationId = operationId;
    }

    void begin(String operation, String target, String planFingerprint, Instant at) {
        this.operation = operation;
        this.target = target;
        this.planFingerprint = planFingerprint;
        this.status = JournalStatus.RUNNING;
        this.updatedAt = at;
    }

    void stepCompleted(String stepId, Instant at) {
        if (!completedSteps.contains(stepId)) {
            completedSteps.add(stepId);
        }
        updatedAt = at;
    }

    void saveValue(String key, String value, Instant at) {
        savedValues.put(key, value);
        updatedAt = at;
    }

    void finish(JournalStatus finalStatus, Instant at) {
        status = finalStatus;
        updatedAt = at;
    }

    JournalRecord build() {
        return new JournalRecord(operationId, operation, target, planFingerprint, status, completedSteps,
                savedValues, updatedAt);
    }
}
