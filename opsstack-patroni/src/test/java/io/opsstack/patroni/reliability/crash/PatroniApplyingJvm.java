package io.opsstack.patroni.reliability.crash;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.secret.Secret;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;

/**
 * The applying process of the Patroni crash test, run in a child JVM: applies a rolling-restart plan file
 * with a file journal and a file lease store and prints every event as {@code EVENT <type> <step> <text>}.
 * Arguments are {@code key=value}: {@code endpoints} (comma-separated), {@code user}, {@code plan},
 * {@code journal}, {@code leaseDir}, {@code operationId}, {@code owner}, {@code leaseTtlSeconds}; the REST
 * password comes from the environment variable {@value #PASSWORD_VARIABLE}, never the command line.
 */
public final class PatroniApplyingJvm {
    static final String PASSWORD_VARIABLE = "OPSSTACK_TEST_PATRONI_PASSWORD";

    private PatroniApplyingJvm() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String arg : args) {
            arguments.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try (PatroniOps ops = PatroniOps.builder()
                .endpoints(Arrays.stream(arguments.get("endpoints").split(",")).map(URI::create).toList())
                .credentials(Credentials.basic(arguments.get("user"), Secret.fromEnv(PASSWORD_VARIABLE))).build()) {
            Operation<ClusterStatus> restart = CrashedRollingRestart.of(ops);
            Plan plan = Plan.fromJson(Files.readString(Path.of(arguments.get("plan"))));
            ApplyOptions options = ApplyOptions.builder().journalDirectory(Path.of(arguments.get("journal")))
                    .leaseStore(new FileLeaseStore(Path.of(arguments.get("leaseDir"))))
                    .operationId(arguments.get("operationId")).owner(arguments.get("owner"))
                    .leaseTtl(Duration.ofSeconds(Long.parseLong(arguments.get("leaseTtlSeconds"))))
                    .listener(new PrintedEvents()).build();
            System.out.println("RESULT " + restart.apply(plan, options).status());
        }
    }

    /** Prints each event on one line. */
    private static final class PrintedEvents implements ProgressListener {
        @Override
        public void onEvent(StepEvent event) {
            System.out.println("EVENT " + event.getClass().getSimpleName() + " " + event.stepId() + " " + event.describe());
            System.out.flush();
        }
    }
}
