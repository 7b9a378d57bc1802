package io.opsstack.patroni.reliability.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.testkit.jvm.ChildJvm;
import io.opsstack.testkit.patroni.PatroniLab;
import io.opsstack.testkit.patroni.WriteProbe;
import io.opsstack.testkit.patroni.WriteProbeReport;

/**
 * The JVM applying a Patroni rolling restart is killed with SIGKILL right after its switchover, before the
 * cluster converged; this JVM resumes the plan file by operation id from the file journal once the killed
 * applier's file lease expired. A write probe runs throughout: no acknowledged write is lost, there is one
 * write gap (the switchover is not repeated), the cluster converges unpaused under the new leader.
 */
class RollingRestartJvmCrashTest {
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String KILLED = "killed-applier";

    @TempDir
    Path directory;

    @Test
    void rollingRestartKilledAfterTheSwitchoverIsResumedWithoutLosingAWrite() throws Exception {
        PatroniLab lab = PatroniLab.shared();
        lab.ensureHealthy();
        try (PatroniOps ops = PatroniOps.builder().endpoints(lab.restEndpoints())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow())).build()) {
            String formerLeader = lab.leaderName();
            Operation<ClusterStatus> restart = CrashedRollingRestart.of(ops);
            Plan plan = restart.plan();
            PlannedStep switchover = plan.steps().stream().filter(step -> step.action() == StepAction.SWITCHOVER)
                    .findFirst().orElseThrow(() -> new AssertionError(plan.render()));
            Path planFile = Files.writeString(directory.resolve("plan.json"), plan.toJson());
            Path journal = directory.resolve("journal");
            Path leases = directory.resolve("leases");
            String operationId = "crash-patroni-" + System.nanoTime();

            WriteProbeReport report;
            OperationResult<ClusterStatus> resumed;
            try (WriteProbe probe = WriteProbe.start(lab)) {
                try (ChildJvm child = ChildJvm.builder().mainClass(PatroniApplyingJvm.class)
                        .environment(PatroniApplyingJvm.PASSWORD_VARIABLE, lab.restPassword().orElseThrow().reveal())
                        .args("endpoints=" + lab.restEndpoints().stream().map(URI::toString).collect(Collectors.joining(",")),
                                "user=" + lab.restUser().orElseThrow(), "plan=" + planFile, "journal=" + journal,
                                "leaseDir=" + leases, "operationId=" + operationId, "owner=" + KILLED,
                                "leaseTtlSeconds=" + LEASE_TTL.toSeconds())
                        .start()) {
                    child.awaitOutputLine(Pattern.compile("^EVENT StepSucceeded " + Pattern.quote(switchover.id()) + " "),
                            TIMEOUT);
                    child.kill9();
                }
                Plan fromFile = Plan.fromJson(Files.readString(planFile));
                ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).operationId(operationId)
                        .leaseStore(new FileLeaseStore(leases)).leaseTtl(LEASE_TTL).owner("resuming-jvm").build();
                LeaseHeldException held = assertThrows(LeaseHeldException.class, () -> restart.apply(fromFile, options));
                assertEquals(KILLED, held.holder(), "the dead applier's lease holds until it expires");
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), held.expiresAt()).toMillis() + 500));

                resumed = restart.apply(fromFile, options);
                report = probe.stop();
            }
            System.out.println("write probe across the killed apply and its resume: " + report.toMap());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertEquals(StepStatus.SKIPPED, resumed.step(switchover.id()).orElseThrow().status(), "not switched twice");
            ClusterView after = ClusterView.of(resumed.value());
            assertTrue(after.isConverged(), after.toString());
            assertNotEquals(formerLeader, after.leader().orElseThrow().name());
            assertFalse(ops.cluster().paused(), "the cluster is not left in maintenance mode");
            assertEquals(0, report.lost(), "acknowledged writes lost: " + report.toMap());
            assertTrue(report.acknowledged() > 0, report.toString());
            assertEquals(1, report.gaps().size(), "one write gap, the switchover's: " + report.toMap());
            new FileLeaseStore(leases).acquire(plan.target(), "next-operator", "next", LEASE_TTL).release();
        }
    }
}
