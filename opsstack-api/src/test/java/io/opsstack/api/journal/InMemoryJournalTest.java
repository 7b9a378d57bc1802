package io.opsstack.api.journal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryJournalTest {

    @Test
    void keepsStepsValuesAndStatus() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.begin("op-1", "op", "t", "abc");
        journal.stepCompleted("op-1", "a");
        journal.stepCompleted("op-1", "a");
        journal.saveValue("op-1", "k", null);
        journal.finish("op-1", JournalStatus.FAILED);

        JournalRecord record = journal.read("op-1");

        assertEquals(List.of("a"), record.completedSteps());
        assertTrue(record.savedValue("k").orElseThrow().wasUnset());
        assertEquals(JournalStatus.FAILED, record.status());
        assertEquals(JournalStatus.NEW, journal.read("op-2").status());
        assertEquals(1, journal.list().size());
        assertEquals("FAILED", record.toMap().get("status"));
    }
}
