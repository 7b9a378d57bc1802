package io.opsstack.opensearch.lab.reliability.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.lease.LeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.jvm.RelayedServiceControl;

/**
 * The applying process of the crash tests, run in a child JVM: applies a plan file with a file journal and
 * prints every event as {@code EVENT <type> <step> <description>}, so the test can kill it at a chosen
 * moment. Arguments are {@code key=value}: {@code endpoints} (comma-separated), {@code operation},
 * {@code subject} (see {@link CrashOperations}), {@code plan}, {@code journal}, {@code operationId},
 * {@code owner}, {@code leaseTtlSeconds}; optional {@code leaseDir} (a file lease store instead of the
 * cluster's), {@code relay} (a service control relay URI), {@code awaitGo=true} (wait for a line on
 * standard input after printing {@code READY}) and {@code holdAfter=<step id>} (after that step completed,
 * print {@code HOLDING} and wait for a line on standard input, still holding the lease). Prints {@code APPLYING} right before applying; ends with {@code RESULT <status>} (exit 0),
 * {@code LEASE_HELD <holder>} (exit 3) or {@code FAILED <error>} (exit 1).
 */
public final class ApplyingJvm {
    static final int EXIT_LEASE_HELD = 3;
    private static final BufferedReader STDIN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private ApplyingJvm() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String arg : args) {
            arguments.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int exitCode;
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(arguments.get("endpoints").split(",")).build()) {
            RelayedServiceControl control = arguments.containsKey("relay")
                    ? new RelayedServiceControl(URI.create(arguments.get("relay"))) : null;
            Operation<Void> operation = CrashOperations.of(os, arguments.get("operation"), arguments.get("subject"), control);
            Plan plan = Plan.fromJson(Files.readString(Path.of(arguments.get("plan"))));
            LeaseStore leases = arguments.containsKey("leaseDir")
                    ? new FileLeaseStore(Path.of(arguments.get("leaseDir"))) : os.leaseStore();
            ApplyOptions options = ApplyOptions.builder().journalDirectory(Path.of(arguments.get("journal")))
                    .operationId(arguments.get("operationId")).owner(arguments.get("owner")).leaseStore(leases)
                    .leaseTtl(Duration.ofSeconds(Long.parseLong(arguments.get("leaseTtlSeconds"))))
                    .listener(new PrintedEvents(arguments.get("holdAfter"))).build();
            print("READY");
            if ("true".equals(arguments.get("awaitGo"))) {
                STDIN.readLine();
            }
            print("APPLYING");
            exitCode = apply(operation, plan, options);
        }
        System.exit(exitCode);
    }

    private static int apply(Operation<Void> operation, Plan plan, ApplyOptions options) {
        try {
            OperationResult<Void> result = operation.apply(plan, options);
            print("RESULT " + result.status());
            return 0;
        } catch (LeaseHeldException e) {
            print("LEASE_HELD " + e.holder());
            return EXIT_LEASE_HELD;
        } catch (RuntimeException e) {
            print("FAILED " + e);
            return 1;
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Prints each event on one line; holds the apply (events are delivered on its thread) after one step. */
    private static final class PrintedEvents implements ProgressListener {
        private final String holdAfter;

        PrintedEvents(String holdAfter) {
            this.holdAfter = holdAfter;
        }

        @Override
        public void onEvent(StepEvent event) {
            print("EVENT " + event.getClass().getSimpleName() + " " + event.stepId() + " " + event.describe());
            if (event instanceof StepSucceeded && event.stepId().equals(holdAfter)) {
                print("HOLDING");
                try {
                    STDIN.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
