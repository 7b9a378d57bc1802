package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.patroni.PatroniMember;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;

/** Configuration changes and maintenance mode against the real lab. */
class ConfigAndMaintenanceOperationTest {

    private static PatroniOps ops;

    @TempDir
    Path journal;

    @BeforeAll
    static void connect() {
        OpsLab.lab().ensureHealthy();
        ops = OpsLab.ops();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void planShowsTheDiffAndChainsARestartForPostmasterParameters() throws Exception {
        String leader = OpsLab.awaitConverged(ops).leader().orElseThrow().name();
        Plan plan = ops.configChange(ConfigChangeRequest.of(Map.of("postgresql", Map.of("parameters",
                Map.of("max_connections", 60, "work_mem", "8MB"))))).plan();

        PlannedStep patch = plan.steps().get(0);
        assertEquals(StepAction.UPDATE_SETTING, patch.action());
        assertEquals("50", patch.before().get("postgresql.parameters.max_connections"), plan.render());
        assertEquals("60", patch.after().get("postgresql.parameters.max_connections"));
        assertFalse(patch.before().containsKey("postgresql.parameters.work_mem"), "work_mem was unset");
        assertEquals("8MB", patch.after().get("postgresql.parameters.work_mem"));
        assertEquals("max_connections", plan.parameters().get("restart_required"), "work_mem needs no restart");
        List<String> ids = plan.steps().stream().map(PlannedStep::id).toList();
        assertEquals("await-pending-restart", ids.get(1));
        assertTrue(ids.get(2).startsWith("restart-replica-"), "raising goes replicas first: " + ids);
        assertTrue(ids.contains("restart-former-primary-" + leader), ids.toString());

        Plan lowering = ops.configChange(ConfigChangeRequest.of(Map.of("postgresql", Map.of("parameters",
                Map.of("max_connections", 40))))).plan();
        assertEquals("restart-primary-" + leader, lowering.steps().stream()
                .filter(step -> step.action() == StepAction.RESTART).findFirst().orElseThrow().id(), lowering.render());
    }

    @Test
    void appliesAndRemovesAParameterThatNeedsNoRestart() throws InterruptedException {
        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).build();
        var set = ops.configChange(ConfigChangeRequest.withoutRestart(
                Map.of("postgresql", Map.of("parameters", Map.of("work_mem", "6MB")))));
        OperationResult<ClusterStatus> applied = set.apply(set.plan(), options);
        assertEquals(OperationStatus.SUCCEEDED, applied.status());
        // /config answers what the answering member last read from the DCS: a loop_wait may pass
        OpsLab.eventually("work_mem=6MB in /config", () -> "6MB".equals(ops.config().postgresqlParameters().get("work_mem")));

        Map<String, Object> remove = new HashMap<>();
        remove.put("work_mem", null);
        var unset = ops.configChange(ConfigChangeRequest.withoutRestart(Map.of("postgresql", Map.of("parameters", remove))));
        Plan plan = unset.plan();
        assertEquals("6MB", plan.steps().get(0).before().get("postgresql.parameters.work_mem"));
        assertFalse(plan.steps().get(0).after().containsKey("postgresql.parameters.work_mem"));
        unset.apply(plan, options);
        OpsLab.eventually("work_mem removed from /config", () -> !ops.config().postgresqlParameters().containsKey("work_mem"));
    }

    @Test
    void pauseAndResumeWaitUntilEveryMemberReportsIt() {
        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).build();
        var pause = ops.pause(Duration.ofSeconds(60));
        try {
            OperationResult<ClusterStatus> paused = pause.apply(pause.plan(), options);
            assertTrue(paused.value().paused());
            for (PatroniMember member : ops.members()) {
                assertTrue(member.status().paused(), member + " reports maintenance mode");
            }
        } finally {
            var resume = ops.resume(Duration.ofSeconds(60));
            resume.apply(resume.plan(), options);
        }
        for (PatroniMember member : ops.members()) {
            assertFalse(member.status().paused(), member + " left maintenance mode");
        }
    }
}
