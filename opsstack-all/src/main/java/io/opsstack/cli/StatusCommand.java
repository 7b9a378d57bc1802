package io.opsstack.cli;

import io.opsstack.api.internal.json.Json;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.journal.JournalStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code status [--operation-id ID] [--json]}: what the journal knows, read locally without connecting. */
final class StatusCommand {
    private final CliArgs args;
    private final Map<String, String> env;
    private final PrintStream out;

    StatusCommand(CliArgs args, Map<String, String> env, PrintStream out) {
        this.args = args;
        this.env = env;
        this.out = out;
    }

    ExitCode run() {
        String operationId = args.optional("operation-id");
        boolean json = args.isSet("json");
        Settings settings = Settings.load(args, env);
        Path journalDir = settings.journalDirectory();
        args.rejectUnread();
        FileJournal journal = new FileJournal(journalDir);
        List<JournalRecord> records;
        if (operationId != null) {
            JournalRecord record = journal.read(operationId);
            if (record.status() == JournalStatus.NEW) {
                throw new UsageException("the journal in " + journalDir + " knows no operation " + operationId);
            }
            records = List.of(record);
        } else {
            records = journal.list();
        }
        if (json) {
            List<Object> maps = new ArrayList<>();
            records.forEach(record -> maps.add(record.toMap()));
            out.println(Json.pretty(Map.of("operations", maps)));
        } else if (records.isEmpty()) {
            out.println("no operations in " + journalDir);
        } else {
            for (JournalRecord record : records) {
                out.println(line(record, journalDir));
            }
        }
        return ExitCode.OK;
    }

    private static String line(JournalRecord record, Path journalDir) {
        boolean resumable = record.status() == JournalStatus.RUNNING || record.status() == JournalStatus.FAILED;
        boolean planSaved = Files.isRegularFile(PlanFile.besideJournal(journalDir, record.operationId()));
        return record.operationId() + "  " + record.status() + "  " + record.operation() + " on " + record.target()
                + "  " + record.completedSteps().size() + " steps done  updated " + record.updatedAt()
                + (resumable && planSaved ? "  (resume " + record.operationId() + ")" : "");
    }
}
