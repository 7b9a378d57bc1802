package io.opsstack.api.event;

import io.opsstack.api.internal.json.Json;
import io.opsstack.api.operation.OperationStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressListenersTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    private static List<StepEvent> sample() {
        return List.of(
                new StepStarted("op-1", "move", AT, 1),
                new StepProgress("op-1", "move", AT, 2, 3, 12, "shards", Duration.ofSeconds(90)),
                new StepRetrying("op-1", "move", AT, 3, 1, Duration.ofSeconds(2), "HTTP 503"),
                new StepFailed("op-1", "move", AT, 4, "OpsServiceException", "rejected"),
                new PlanFinished("op-1", AT, 5, OperationStatus.FAILED));
    }

    @Test
    void printStreamWritesOneReadableLinePerEvent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener listener = ProgressListeners.printStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        sample().forEach(listener::onEvent);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size());
        assertEquals("2026-01-05T10:00:00Z op-1 move: progress 3/12 shards, eta 1m 30s", lines.get(1));
        assertEquals("2026-01-05T10:00:00Z op-1: finished: FAILED", lines.get(4));
    }

    @Test
    void jsonLinesCarryFormatVersionAndEventFields() {
        StringBuilder out = new StringBuilder();
        ProgressListener listener = ProgressListeners.jsonLines(out);

        sample().forEach(listener::onEvent);

        List<String> lines = out.toString().lines().toList();
        assertEquals(5, lines.size());
        Map<String, Object> retry = Json.parseObject(lines.get(2), "line");
        assertEquals("1.0", retry.get("format_version"));
        assertEquals("step_retrying", retry.get("type"));
        assertEquals("PT2S", retry.get("delay"));
        assertEquals("HTTP 503", retry.get("cause"));
        Map<String, Object> finished = Json.parseObject(lines.get(4), "line");
        assertNull(finished.get("step_id"));
        assertEquals("FAILED", finished.get("status"));
    }

    @Test
    void compositeKeepsDeliveringWhenOneListenerFails() {
        CollectingListener collected = ProgressListeners.collecting();
        ProgressListener failing = event -> {
            throw new IllegalStateException("broken");
        };
        ProgressListener composite = ProgressListeners.composite(failing, collected);

        sample().forEach(composite::onEvent);
        ProgressListeners.none().onEvent(sample().get(0));
        ProgressListeners.slf4j().onEvent(sample().get(3));

        assertEquals(sample(), collected.events());
    }

    @Test
    void eventsAreSerializableValues() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sample());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(sample(), in.readObject());
        }
        assertEquals(Map.of("type", "step_started", "operation_id", "op-1", "step_id", "move",
                "timestamp", "2026-01-05T10:00:00Z", "sequence", 1L), sample().get(0).toMap());
    }

    @Test
    void eventsValidateTheirFields() {
        assertThrows(IllegalArgumentException.class, () -> new StepStarted("op", "s", AT, 0));
        assertThrows(NullPointerException.class, () -> new StepSkipped("op", "s", AT, 1, null));
        assertTrue(new StepWaiting("op", "s", AT, 1, "green?").describe().contains("green?"));
    }
}
