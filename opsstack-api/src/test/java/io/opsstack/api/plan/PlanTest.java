package io.opsstack.api.plan;

import io.opsstack.api.error.OpsValidationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanTest {

    static Plan samplePlan() {
        return Plan.builder("opensearch-drain", "logs-prod")
                .createdAt(Instant.parse("2026-01-05T10:00:00.123456Z"))
                .parameter("node", "n1")
                .parameter("timeout", "PT30M")
                .stateFacts(Map.of("health", "green", "nodes", "n1,n2,n3"))
                .step(PlannedStep.builder("exclude-n1", StepAction.UPDATE_SETTING, "logs-prod")
                        .description("exclude n1 from allocation")
                        .change("cluster.routing.allocation.exclude._name", null, "n1")
                        .guard(new GuardCheck("cluster-green", true, "cluster health is green"))
                        .guard(new GuardCheck("enough-disk", true, "n2, n3 below 70% disk")))
                .step(PlannedStep.builder("move-shards", StepAction.MOVE, "n1")
                        .description("move 12 shards off n1").disruptive(true)
                        .guard(new GuardCheck("cluster-green", true, "cluster health is green"))
                        .guard(new GuardCheck("replicas-elsewhere", false, "index logs-1 has no replica"))
                        .validation(ServerValidation.validated("reroute dry_run accepted")))
                .step(PlannedStep.builder("wait-green", StepAction.WAIT, "logs-prod").disruptive(true)
                        .parallelGroup("final")
                        .guard(new GuardCheck("cluster-green", true, "ok"))
                        .guard(new GuardCheck("no-relocations", true, "0 relocating")))
                .warning("index logs-1 has no replica: its shards are unavailable while moving")
                .build();
    }

    @Test
    void summaryCountsActionsDisruptiveStepsAndGuards() {
        assertEquals("3 steps: 1 update-setting, 1 move, 1 wait; 2 disruptive; guards: 5 pass, 1 fail",
                samplePlan().summary());
    }

    @Test
    void renderShowsHeaderStepsChangesGuardsAndWarnings() {
        Plan plan = samplePlan();
        String text = plan.render();

        assertTrue(text.startsWith("Plan: opensearch-drain on logs-prod\n"), text);
        assertTrue(text.contains("id:          " + plan.id()), text);
        assertTrue(text.contains("sha256:" + plan.fingerprint().sha256().substring(0, 12)), text);
        assertTrue(text.contains("  1. update-setting logs-prod"), text);
        assertTrue(text.contains("  2. move n1  (disruptive)"), text);
        assertTrue(text.contains("~ cluster.routing.allocation.exclude._name: (unset) -> n1"), text);
        assertTrue(text.contains("[pass] cluster-green: cluster health is green"), text);
        assertTrue(text.contains("[FAIL] replicas-elsewhere: index logs-1 has no replica"), text);
        assertTrue(text.contains("server validation: validated (reroute dry_run accepted)"), text);
        assertTrue(text.contains("parallel group: final"), text);
        assertTrue(text.contains("Warnings:\n  ! index logs-1 has no replica"), text);
    }

    @Test
    void generatedIdNamesOperationAndTime() {
        Plan plan = samplePlan();
        assertTrue(plan.id().matches("opensearch-drain-20260105-100000-[0-9a-f]{4}"), plan.id());
        assertEquals(List.of(1, 2, 3), plan.steps().stream().map(PlannedStep::index).toList());
    }

    @Test
    void jsonRoundTripIsExact() {
        Plan plan = samplePlan();
        String json = plan.toJson();

        assertTrue(json.contains("\"format_version\" : \"1.0\""), json);
        assertEquals(plan, Plan.fromJson(json));
    }

    @Test
    void mapRoundTripIsExact() {
        Plan plan = samplePlan();
        Map<String, Object> map = plan.toMap();

        assertEquals("1.0", map.get("format_version"));
        assertEquals(plan, Plan.fromMap(map));
    }

    @Test
    void javaSerialisationRoundTripIsExact() throws Exception {
        Plan plan = samplePlan();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(plan, in.readObject());
        }
    }

    @Test
    void higherMajorFormatIsRefusedClearly() {
        String json = samplePlan().toJson().replace("\"format_version\" : \"1.0\"", "\"format_version\" : \"2.0\"");

        OpsValidationException refused = assertThrows(OpsValidationException.class, () -> Plan.fromJson(json));

        assertTrue(refused.getMessage().contains("2.0") && refused.getMessage().contains("newer opsstack"),
                refused.getMessage());
    }

    @Test
    void higherMinorFormatIsReadIgnoringUnknownFields() {
        Plan plan = samplePlan();
        String json = plan.toJson()
                .replace("\"format_version\" : \"1.0\"", "\"format_version\" : \"1.7\", \"approvals\" : [ \"ops-lead\" ]")
                .replace("\"disruptive\" : true", "\"disruptive\" : true, \"risk\" : \"high\"");

        Plan read = Plan.fromJson(json);

        assertEquals("1.7", read.formatVersion());
        assertEquals(plan.steps(), read.steps());
        assertEquals(plan.fingerprint(), read.fingerprint());
    }

    @Test
    void tamperedFactsDoNotMatchTheirHash() {
        String json = samplePlan().toJson().replace("\"health\" : \"green\"", "\"health\" : \"yellow\"");

        assertThrows(IllegalArgumentException.class, () -> Plan.fromJson(json));
    }

    @Test
    void malformedInputNamesTheField() {
        OpsValidationException missing = assertThrows(OpsValidationException.class,
                () -> Plan.fromMap(Map.of("format_version", "1.0")));
        assertTrue(missing.getMessage().contains("'id'"), missing.getMessage());
        assertThrows(OpsValidationException.class, () -> Plan.fromJson("{not json"));
    }

    @Test
    void duplicateStepIdsAreRefused() {
        Plan.Builder builder = Plan.builder("op", "t")
                .step(PlannedStep.builder("same", StepAction.READ, "t"))
                .step(PlannedStep.builder("same", StepAction.READ, "t"));

        assertThrows(IllegalArgumentException.class, builder::build);
    }
}
