package io.opsstack.patroni.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.http.Credentials;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.ops.ConfigChangeRequest;
import io.opsstack.patroni.ops.FailoverPlanRequest;
import io.opsstack.patroni.ops.StandbyAttachRequest;
import io.opsstack.patroni.ops.StandbyPromoteRequest;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.testkit.junit.BadInput;
import io.opsstack.testkit.patroni.PatroniLab;

/**
 * The bad-input table of the Patroni operations on the real 3-member lab: unknown members, the
 * leader as a target, malformed values, out-of-range numbers and script maps with unknown keys or
 * wrong types are refused with an error naming the bad value, by the request, by {@code plan()} or by
 * a guard before the first change; leader, timelines, roles, dynamic configuration, pause state and
 * history are exactly as before.
 */
class PatroniBadInputTest {
    private static final Logger LOG = LoggerFactory.getLogger(PatroniBadInputTest.class);

    private static PatroniOps ops;
    private static String leader;
    private static String replica;

    @BeforeAll
    static void connect() throws InterruptedException {
        PatroniLab lab = PatroniLab.shared();
        lab.ensureHealthy();
        ops = PatroniOps.builder().endpoints(lab.restEndpoints())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow())).build();
        ClusterState.awaitConverged(ops, Duration.ofMinutes(2));
        leader = lab.leaderName();
        replica = lab.memberNames().stream().filter(name -> !name.equals(leader)).findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        if (ops != null) {
            ops.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                refused("plannedSwitchover", "unknown candidate", UnsafeOperationException.class, "pg-nope",
                        () -> ops.plannedSwitchover(SwitchoverPlanRequest.to("pg-nope"))),
                refused("plannedSwitchover", "the leader as candidate", UnsafeOperationException.class, "already the leader",
                        () -> ops.plannedSwitchover(SwitchoverPlanRequest.to(leader))),
                refused("plannedSwitchover", "max lag -5 bytes", OpsValidationException.class, "maxLagBytes",
                        () -> ops.plannedSwitchover(SwitchoverPlanRequest.builder().maxLagBytes(-5).build())),
                refused("plannedSwitchover", "zero convergence timeout", OpsValidationException.class, "convergenceTimeout",
                        () -> ops.plannedSwitchover(SwitchoverPlanRequest.builder().convergenceTimeout(Duration.ZERO).build())),
                refused("plannedSwitchover (map)", "unknown key", OpsValidationException.class, "candiate",
                        () -> ops.plannedSwitchover(Map.of("candiate", replica))),
                refused("plannedSwitchover (map)", "scheduled_at not a time", OpsValidationException.class, "scheduled_at",
                        () -> ops.plannedSwitchover(Map.of("scheduled_at", "tonight"))),
                refused("plannedFailover", "unknown candidate", UnsafeOperationException.class, "pg-nope",
                        () -> ops.plannedFailover(FailoverPlanRequest.to("pg-nope"))),
                refused("plannedFailover", "empty candidate", OpsValidationException.class, "candidate",
                        () -> ops.plannedFailover(FailoverPlanRequest.to(" "))),
                refused("rollingRestart (map)", "unknown primary strategy", OpsValidationException.class, "sideways",
                        () -> ops.rollingRestart(Map.of("primary_strategy", "sideways"))),
                refused("rollingRestart (map)", "negative member timeout", OpsValidationException.class, "memberTimeout",
                        () -> ops.rollingRestart(Map.of("member_timeout", -30))),
                refused("rollingRestart (map)", "max_lag_bytes as text", OpsValidationException.class, "max_lag_bytes",
                        () -> ops.rollingRestart(Map.of("max_lag_bytes", "a lot"))),
                refused("configChange", "empty patch", OpsValidationException.class, "non-empty patch",
                        () -> ops.configChange(ConfigChangeRequest.withoutRestart(Map.of()))),
                refused("configChange", "max_connections: \"many\"", OpsValidationException.class, "max_connections",
                        () -> ops.configChange(ConfigChangeRequest.withoutRestart(Map.of("postgresql",
                                Map.of("parameters", Map.of("max_connections", "many")))))),
                refused("configChange (map)", "patch not a map", OpsValidationException.class, "patch",
                        () -> ops.configChange(ConfigChangeRequest.fromMap(Map.of("patch", "ttl=5")))),
                refused("pause", "zero timeout", OpsValidationException.class, "timeout", () -> ops.pause(Duration.ZERO)),
                refused("resume", "negative timeout", OpsValidationException.class, "timeout",
                        () -> ops.resume(Duration.ofSeconds(-1))),
                refused("reinitialize", "unknown member", OpsValidationException.class, "pg-nope",
                        () -> ops.reinitialize("pg-nope", false, Duration.ofMinutes(1))),
                refused("reinitialize", "the leader", UnsafeOperationException.class, "is the leader",
                        () -> ops.reinitialize(leader, false, Duration.ofMinutes(1))),
                refused("promoteStandbyCluster", "a cluster that is not a standby", OpsValidationException.class,
                        "not a standby cluster", () -> ops.promoteStandbyCluster(StandbyPromoteRequest.forced(), null)),
                refused("attachAsStandby", "port 70000", OpsValidationException.class, "port",
                        () -> ops.attachAsStandby(StandbyAttachRequest.of("127.0.0.1", 70000))),
                refused("attachAsStandby (map)", "unknown key", OpsValidationException.class, "hots",
                        () -> ops.attachAsStandby(StandbyAttachRequest.fromMap(Map.of("hots", "127.0.0.1")))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedWithoutChange(String operation, String badInput, Class<? extends OpsException> expected, String named,
                              BadInput.OperationCall call) {
        ClusterState before = ClusterState.read(ops);

        OpsException error = assertThrows(expected, () -> BadInput.planAndApply(call.operation(), Duration.ofMinutes(2)));

        String message = error instanceof UnsafeOperationException unsafe
                ? unsafe.guard() + ": " + unsafe.guardReason() : error.getMessage();
        LOG.info("{} / {} -> {}: {}", operation, badInput, error.getClass().getSimpleName(), message);
        assertTrue(message.contains(named), operation + " / " + badInput + " -> " + message);
        assertEquals(before, ClusterState.read(ops), operation + " / " + badInput + " changed the cluster");
    }


    private static Arguments refused(String operation, String badInput, Class<? extends OpsException> expected, String named,
                                     BadInput.OperationCall call) {
        return Arguments.of(operation, badInput, expected, named, call);
    }


    /** Leader, each member's role, state and timeline, the dynamic configuration (with pause) and the history. */
    record ClusterState(String leader, List<String> members, boolean paused, Map<String, Object> config, int historyEntries) {

        static ClusterState read(PatroniOps ops) {
            var cluster = ops.cluster();
            return new ClusterState(cluster.leader().map(member -> member.name()).orElse(null),
                    cluster.members().stream().map(m -> m.name() + " " + m.role() + " " + m.state() + " tl" + m.timeline()
                            + (m.pendingRestart() ? " pending" : "")).sorted().toList(),
                    cluster.paused(), ops.config().toMap(), ops.history().size());
        }

        /** Waits until every member runs under one leader on one timeline, so the table starts from a settled cluster. */
        static void awaitConverged(PatroniOps ops, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ops.clusterView().problems().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cluster did not converge: " + ops.clusterView().problems());
                }
                Thread.sleep(500);
            }
        }
    }
}
