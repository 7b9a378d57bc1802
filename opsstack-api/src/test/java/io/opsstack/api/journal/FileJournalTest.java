package io.opsstack.api.journal;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileJournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveANewInstance() {
        FileJournal journal = new FileJournal(dir.resolve("journal"));
        journal.begin("drain-1", "opensearch-drain", "logs", "abc");
        journal.stepCompleted("drain-1", "exclude");
        journal.saveValue("drain-1", "setting.before", null);
        journal.saveValue("drain-1", "other", "x");
        journal.saveValue("drain-1", "other", "y");

        JournalRecord record = new FileJournal(dir.resolve("journal")).read("drain-1");

        assertEquals(JournalStatus.RUNNING, record.status());
        assertEquals("opensearch-drain", record.operation());
        assertEquals("abc", record.planFingerprint());
        assertEquals(List.of("exclude"), record.completedSteps());
        assertTrue(record.savedValues().containsKey("setting.before"));
        assertNull(record.savedValues().get("setting.before"));
        assertEquals("y", record.savedValue("other").orElseThrow().value());
        assertTrue(Files.exists(dir.resolve("journal/drain-1.jsonl")));
    }

    @Test
    void unknownOperationReadsAsNewWithoutCreatingFiles() {
        FileJournal journal = new FileJournal(dir.resolve("absent"));

        assertEquals(JournalStatus.NEW, journal.read("nothing").status());
        assertTrue(journal.list().isEmpty());
        assertFalse(Files.exists(dir.resolve("absent")));
    }

    @Test
    void tornLastLineIsIgnoredAndCutOffByTheNextAppend() throws Exception {
        FileJournal journal = new FileJournal(dir);
        journal.begin("drain-1", "op", "t", "abc");
        journal.stepCompleted("drain-1", "one");
        Files.writeString(dir.resolve("drain-1.jsonl"), "{\"format_version\":\"1.0\",\"type\":\"step_comp",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(List.of("one"), journal.read("drain-1").completedSteps());

        journal.stepCompleted("drain-1", "two");
        JournalRecord record = journal.read("drain-1");
        assertEquals(List.of("one", "two"), record.completedSteps());
        List<String> lines = Files.readAllLines(dir.resolve("drain-1.jsonl"));
        assertEquals(3, lines.size(), "the torn entry was cut off: " + lines);
        assertTrue(lines.get(2).contains("\"step_id\":\"two\""), lines.get(2));
    }

    @Test
    void damagedLineInTheMiddleIsReported() throws Exception {
        FileJournal journal = new FileJournal(dir);
        journal.begin("drain-1", "op", "t", "abc");
        Files.writeString(dir.resolve("drain-1.jsonl"), "garbage\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        journal.stepCompleted("drain-1", "one");

        OpsException damaged = assertThrows(OpsException.class, () -> journal.read("drain-1"));

        assertTrue(damaged.getMessage().contains("line 2"), damaged.getMessage());
    }

    @Test
    void listsKnownOperationsWithStatus() {
        FileJournal journal = new FileJournal(dir);
        journal.begin("b-op", "op", "t", "abc");
        journal.begin("a-op", "op", "t", "abc");
        journal.finish("a-op", JournalStatus.SUCCEEDED);

        List<JournalRecord> records = journal.list();

        assertEquals(List.of("a-op", "b-op"), records.stream().map(JournalRecord::operationId).toList());
        assertEquals(List.of(JournalStatus.SUCCEEDED, JournalStatus.RUNNING),
                records.stream().map(JournalRecord::status).toList());
    }

    @Test
    void operationIdsThatAreNotSafeFileNamesAreRefused() {
        FileJournal journal = new FileJournal(dir);

        assertThrows(OpsValidationException.class, () -> journal.begin("../escape", "op", "t", "abc"));
        assertThrows(OpsValidationException.class, () -> journal.read("a/b"));
    }

    @Test
    void defaultDirectoryIsUnderOpsstackHome() {
        Path expected = System.getenv("OPSSTACK_HOME") != null
                ? Path.of(System.getenv("OPSSTACK_HOME"), "journal")
                : Path.of(System.getProperty("user.home"), ".opsstack", "journal");
        assertEquals(expected, FileJournal.defaultDirectory());
    }
}
