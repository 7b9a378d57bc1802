// opsstack JShell startup: imports, connections from environment variables, plan helpers.
// Start it with samples/jshell/opsstack-shell, or:
//   jshell --class-path opsstack-all.jar --startup DEFAULT --startup opsstack.jsh
// Environment: OPSSTACK_OPENSEARCH_URL (comma-separated endpoints), OPSSTACK_OPENSEARCH_USER,
// OPSSTACK_OPENSEARCH_PASSWORD; OPSSTACK_YES=true answers every confirm() with yes (for scripts).
import io.opsstack.api.error.*;
import io.opsstack.api.event.*;
import io.opsstack.api.journal.*;
import io.opsstack.api.operation.*;
import io.opsstack.api.plan.*;
import io.opsstack.api.secret.*;
import io.opsstack.cli.ExitCode;
import io.opsstack.opensearch.*;
import io.opsstack.opensearch.model.*;
import io.opsstack.opensearch.ops.*;

/** An environment variable, or the fallback when it is unset or blank. */
String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
}

/** OpenSearch at OPSSTACK_OPENSEARCH_URL, with OPSSTACK_OPENSEARCH_USER/_PASSWORD when set. */
OpenSearchOps opensearch() {
    String url = env("OPSSTACK_OPENSEARCH_URL", null);
    if (url == null) {
        throw new OpsValidationException("set OPSSTACK_OPENSEARCH_URL, or call opensearch(\"http://host:9200\")");
    }
    return opensearch(url);
}

/** OpenSearch at the given endpoints (comma-separated); credentials from the environment as above. */
OpenSearchOps opensearch(String url) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("endpoints", url);
    if (env("OPSSTACK_OPENSEARCH_USER", null) != null) {
        config.put("user", env("OPSSTACK_OPENSEARCH_USER", null));
        config.put("password_env", "OPSSTACK_OPENSEARCH_PASSWORD");
    }
    return OpenSearchOps.fromMap(config);
}

/** Prints what the plan will do and which guards pass now. */
void printPlan(Plan plan) {
    System.out.println(plan.render());
}

/** Prints the plan and asks for "yes"; OPSSTACK_YES=true answers for you. */
boolean confirm(Plan plan) {
    printPlan(plan);
    if (Boolean.parseBoolean(env("OPSSTACK_YES", "false"))) {
        System.out.println("confirmed by OPSSTACK_YES");
        return true;
    }
    System.out.print("Apply " + plan.id() + " to " + plan.target() + "? Type 'yes': ");
    System.out.flush();
    String answer = new java.util.Scanner(System.in).nextLine();
    return answer.trim().equalsIgnoreCase("yes");
}

/** Applies the plan with progress lines on stdout and the journal in ~/.opsstack/journal (or $OPSSTACK_HOME). */
OperationResult<?> apply(Operation<?> operation, Plan plan) {
    OperationResult<?> result = operation.apply(plan, ApplyOptions.builder()
            .listener(ProgressListeners.printStream(System.out))
            .build());
    System.out.println(result.operation() + " " + result.status() + " in " + result.duration().toMillis() + " ms");
    return result;
}

/** Work for {@link Ops#run}: returns an exit code, may throw. */
interface OpsTask {
    int run() throws Exception;
}

/** Runs a task and turns an exception into a concise message and the CLI's exit code (0 ok, 1 failed, 2 bad input, 3 unsafe, 4 stale, 5 lease held, 6 connection). */
class Ops {
    static int run(OpsTask task) {
        try {
            return task.run();
        } catch (Exception e) {
            ExitCode code = ExitCode.of(e);
            System.out.println("error: " + e.getMessage() + " (exit " + code.code() + ")");
            return code.code();
        }
    }
}
