package io.opsstack.api.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A journal that lives as long as the JVM: for tests, dry runs and short-lived scripts. Thread-safe. */
public final class InMemoryJournal implements Journal {

    private final Map<String, RecordBuilder> records = new TreeMap<>();

    @Override
    public synchronized JournalRecord read(String operationId) {
        RecordBuilder builder = records.get(operationId);
        return builder == null ? JournalRecord.empty(operationId) : builder.build();
    }

    @Override
    public synchronized void begin(String operationId, String operation, String target, String planFingerprint) {
        builder(operationId).begin(operation, target, planFingerprint, Instant.now());
    }

    @Override
    public synchronized void stepCompleted(String operationId, String stepId) {
        builder(operationId).stepCompleted(stepId, Instant.now());
    }

    @Override
    public synchronized void saveValue(String operationId, String key, String value) {
        builder(operationId).saveValue(key, value, Instant.now());
    }

    @Override
    public synchronized void finish(String operationId, JournalStatus status) {
        builder(operationId).finish(status, Instant.now());
    }

    @Override
    public synchronized List<JournalRecord> list() {
        List<JournalRecord> all = new ArrayList<>();
        records.values().forEach(builder -> all.add(builder.build()));
        return all;
    }

    private RecordBuilder builder(String operationId) {
        return records.computeIfAbsent(operationId, RecordBuilder::new);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryJournal[" + records.size() + " operations]";
    }
}
