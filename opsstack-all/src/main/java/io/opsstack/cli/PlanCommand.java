package io.opsstack.cli;

import io.opsstack.api.operation.Operation;
import io.opsstack.api.plan.Plan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** {@code plan <operation> [flags] --out plan.json}: reads the system only; the plan text goes to stderr. */
final class PlanCommand {
    private final CliArgs args;
    private final Map<String, String> env;
    private final PrintStream err;

    PlanCommand(CliArgs args, Map<String, String> env, PrintStream err) {
        this.args = args;
        this.env = env;
        this.err = err;
    }

    ExitCode run() {
        List<String> words = args.positionals();
        if (words.size() != 1) {
            throw new UsageException("plan needs exactly one operation, e.g. `plan opensearch-tier-move --index logs-1 "
                    + "--tier warm --out plan.json`");
        }
        String operationName = words.get(0);
        OperationFamily family = OperationCatalog.family(operationName);
        Map<String, Object> request = OperationCatalog.operation(operationName).request(args);
        String out = args.required("out");
        Settings settings = Settings.load(args, env);
        try (OperationFamily.Connection connection = family.connect(settings)) {
            args.rejectUnread();
            Operation<?> operation = connection.operation(operationName, request);
            Plan plan = operation.plan();
            Path file = Paths.get(out);
            new PlanFile(plan, operationName, request).write(file);
            err.println(plan.render());
            err.println("plan " + plan.id() + " saved to " + file + "; apply it with: apply --plan " + file);
        }
        return ExitCode.OK;
    }
}
