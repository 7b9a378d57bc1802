package io.opsstack.patroni.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.secret.Secret;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.SwitchoverRequest;
import io.opsstack.patroni.ops.ConfigChangeRequest;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.testkit.patroni.PatroniLab;

/**
 * Patroni REST basic auth on the real lab (its members require credentials for unsafe methods):
 * a wrong password is refused with 401 before anything changes, both by the typed client and by
 * the operations (whose first unsafe call is the one refused); the right password works.
 */
class PatroniRestAuthTest {

    @TempDir
    Path journal;
    private static PatroniLab lab;
    private static PatroniOps trusted;
    private static PatroniOps wrongPassword;
    private static String leader;
    private static String replica;

    @BeforeAll
    static void connect() {
        lab = PatroniLab.shared();
        lab.ensureHealthy();
        trusted = client(lab.restPassword().orElseThrow());
        wrongPassword = client(Secret.of("not-the-rest-password"));
        leader = trusted.clusterView().leader().orElseThrow().name();
        replica = trusted.clusterView().replicas().get(0).name();
    }

    @AfterAll
    static void close() {
        if (trusted != null) {
            trusted.close();
            wrongPassword.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith401ByEveryUnsafeEndpointAndNothingChanges() {
        DynamicConfig configBefore = trusted.config();
        Instant replicaStartedAt = trusted.member(replica).status().postmasterStartTime();

        assertRefused(() -> wrongPassword.patchConfig(Map.of("loop_wait", 3)));
        assertRefused(() -> wrongPassword.switchover(SwitchoverRequest.of(leader, replica)));
        assertRefused(() -> wrongPassword.member(replica).restart());

        assertEquals(configBefore, trusted.config(), "dynamic configuration unchanged");
        assertEquals(leader, trusted.clusterView().leader().orElseThrow().name(), "leader unchanged");
        assertEquals(replicaStartedAt, trusted.member(replica).status().postmasterStartTime(), "replica not restarted");
    }

    @Test
    void operationsWithAWrongPasswordStopAtTheirFirstUnsafeCall() {
        DynamicConfig configBefore = trusted.config();

        Operation<?> switchover = wrongPassword.plannedSwitchover(SwitchoverPlanRequest.to(replica));
        Plan switchoverPlan = switchover.plan();
        assertRefused(() -> switchover.apply(switchoverPlan, inTempJournal()));

        Operation<?> change = wrongPassword.configChange(ConfigChangeRequest.withoutRestart(Map.of("loop_wait", 3)));
        Plan changePlan = change.plan();
        assertRefused(() -> change.apply(changePlan, inTempJournal()));

        assertEquals(leader, trusted.clusterView().leader().orElseThrow().name(), "no switchover happened");
        assertEquals(configBefore, trusted.config(), "dynamic configuration unchanged");
    }

    @Test
    void theRightPasswordChangesTheConfiguration() throws InterruptedException {
        DynamicConfig before = trusted.config();
        try {
            Operation<?> change = trusted.configChange(ConfigChangeRequest.withoutRestart(Map.of("retry_timeout", 6)));
            assertEquals(OperationStatus.SUCCEEDED, change.apply(change.plan(), inTempJournal()).status());
            awaitEveryMember(config -> ((Number) config.values().get("retry_timeout")).intValue() == 6, "retry_timeout 6");
        } finally {
            trusted.patchConfig(Map.of("retry_timeout", before.values().get("retry_timeout")));
            awaitConfig(before);
        }
    }

    /**
     * A PATCH reaches every member's {@code /config} within a loop_wait or two; each member is asked, as a later
     * read may go to any of them.
     */
    private static void awaitConfig(DynamicConfig expected) throws InterruptedException {
        awaitEveryMember(expected::equals, "configuration restored to " + expected);
    }

    private static void awaitEveryMember(Predicate<DynamicConfig> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!trusted.members().stream().allMatch(member -> wanted.test(member.config()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached on every member: " + trusted.config());
            }
            Thread.sleep(250);
        }
    }

    private ApplyOptions inTempJournal() {
        return ApplyOptions.builder().journalDirectory(journal).build();
    }

    private static void assertRefused(Runnable unsafeCall) {
        OpsAuthException refused = assertThrows(OpsAuthException.class, unsafeCall::run);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-rest-password"), "the password is not echoed");
    }

    private static PatroniOps client(Secret password) {
        return PatroniOps.builder().endpoints(lab.restEndpoints())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), password))
                .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                .build();
    }
}
