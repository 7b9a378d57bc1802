package io.opsstack.cli;

import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * {@code apply --plan FILE} and {@code resume <operation-id>}. Apply keeps a copy of the plan file
 * next to the journal ({@code <journal-dir>/<operation-id>.plan.json}); resume applies that copy
 * again under the same operation id, so completed steps are skipped.
 */
final class ApplyCommand {
    private static final String MDC_OPERATION = "opsstack.operation_id";

    private final CliArgs args;
    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    ApplyCommand(CliArgs args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.args = args;
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    ExitCode apply() {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("apply takes no words, only flags: apply --plan plan.json");
        }
        PlanFile planFile = PlanFile.read(Paths.get(args.required("plan")));
        boolean dryRun = args.isSet("dry-run");
        boolean confirmed = args.isSet("yes");
        Settings settings = Settings.load(args, env);
        Path journalDir = settings.journalDirectory();
        Plan plan = planFile.plan();
        return run(planFile, settings, plan.id(), () -> {
            if (!dryRun) {
                confirm(plan, confirmed);
                planFile.write(PlanFile.besideJournal(journalDir, plan.id()));
            }
        }, dryRun);
    }

    ExitCode resume() {
        List<String> words = args.positionals();
        if (words.size() != 1) {
            throw new UsageException("resume needs the operation id, e.g. `resume " + "opensearch-tier-move-20260105-101500-1a2b`"
                    + " (see `status`)");
        }
        String operationId = words.get(0);
        Settings settings = Settings.load(args, env);
        Path saved = PlanFile.besideJournal(settings.journalDirectory(), operationId);
        if (!Files.isRegularFile(saved)) {
            throw new UsageException("no plan saved for operation " + operationId + " in " + settings.journalDirectory()
                    + " (only `apply` saves one)");
        }
        JournalRecord record = new FileJournal(settings.journalDirectory()).read(operationId);
        if (record.status() == JournalStatus.SUCCEEDED) {
            err.println("operation " + operationId + " already succeeded; nothing to resume");
            return ExitCode.OK;
        }
        err.println("resuming " + operationId + " (" + record.completedSteps().size() + " steps done before)");
        return run(PlanFile.read(saved), settings, operationId, () -> { }, false);
    }

    /** Work done after the operation was rebuilt (so flags and connection are checked) and before applying. */
    private interface BeforeApply {
        void run();
    }

    private ExitCode run(PlanFile planFile, Settings settings, String operationId, BeforeApply beforeApply, boolean dryRun) {
        Plan plan = planFile.plan();
        boolean jsonEvents = args.isSet("json-events");
        OperationFamily family = OperationCatalog.family(planFile.operation());
        try (OperationFamily.Connection connection = family.connect(settings)) {
            args.rejectUnread();
            Operation<?> operation = connection.operation(planFile.operation(), planFile.request());
            beforeApply.run();
            ProgressListener console = new ConsoleProgress(err, plan);
            ApplyOptions options = ApplyOptions.builder()
                    .dryRun(dryRun ? DryRun.CLIENT : DryRun.NONE)
                    .journal(new FileJournal(settings.journalDirectory()))
                    .leaseStore(new FileLeaseStore(settings.leaseDirectory()))
                    .operationId(operationId)
                    .listener(jsonEvents ? ProgressListeners.composite(console, ProgressListeners.jsonLines(out)) : console)
                    .build();
            MDC.put(MDC_OPERATION, operationId);
            OperationResult<?> result;
            try {
                result = operation.apply(plan, options);
            } finally {
                MDC.remove(MDC_OPERATION);
            }
            err.println(result.operation() + " " + result.status() + " in " + result.duration().toMillis()
                    + " ms (operation id " + result.operationId() + ")");
            // what an operation returns (a removal's date, a backup manifest) is needed by the next command
            Object value = result.toMap().get("value");
            if (value != null) {
                err.println(Json.compact(Map.of("result", value)));
            }
            return result.status() == OperationStatus.FAILED ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    private void confirm(Plan plan, boolean confirmed) {
        if (confirmed) {
            err.println("applying " + plan.id() + ": " + plan.summary());
            return;
        }
        if (System.console() == null) {
            throw new UsageException("no terminal to confirm on: review the plan, then pass --yes");
        }
        err.println(plan.render());
        err.print("Apply this plan to " + plan.target() + "? Type 'yes' to continue: ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).equals("yes")) {
            throw new UsageException("not confirmed; nothing was changed");
        }
    }
}
