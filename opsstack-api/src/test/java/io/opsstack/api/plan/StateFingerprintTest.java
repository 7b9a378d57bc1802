package io.opsstack.api.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFingerprintTest {

    @Test
    void namesChangedAddedAndRemovedFacts() {
        StateFingerprint planned = StateFingerprint.of(Map.of("health", "green", "nodes", "3", "master", "n1"));

        List<String> changes = planned.changesTo(Map.of("health", "yellow", "nodes", "3", "relocating", "2"));

        assertEquals(List.of("changed health: green -> yellow", "removed master (was n1)", "added relocating: 2"),
                changes);
        assertTrue(planned.changesTo(Map.of("nodes", "3", "master", "n1", "health", "green")).isEmpty());
    }

    @Test
    void hashDependsOnNamesAndValuesWithoutAmbiguity() {
        assertNotEquals(StateFingerprint.of(Map.of("a", "b=c")).sha256(), StateFingerprint.of(Map.of("a=b", "c")).sha256());
        assertEquals(StateFingerprint.of(Map.of("x", "1", "y", "2")), StateFingerprint.of(Map.of("y", "2", "x", "1")));
        assertEquals(64, StateFingerprint.of(Map.of()).sha256().length());
    }
}
