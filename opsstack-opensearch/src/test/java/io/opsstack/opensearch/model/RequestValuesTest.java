package io.opsstack.opensearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValuesTest {

    @Test
    void healthRequestValidatesParameters() {
        assertThrows(IllegalArgumentException.class, () -> HealthRequest.builder().waitForNodes("three").build());
        assertThrows(IllegalArgumentException.class, () -> HealthRequest.builder().waitForActiveShards("most").build());
        assertThrows(IllegalArgumentException.class, () -> HealthRequest.builder().awarenessAttribute("zone").build());
        assertThrows(IllegalArgumentException.class, () -> HealthRequest.builder().indices("a,b").build());
        assertThrows(IllegalArgumentException.class,
                () -> HealthRequest.builder().timeout(Duration.ofSeconds(-1)).build());
        for (String ok : List.of("3", ">=3", "<=3", ">3", "<3", "ge(3)", "lt(3)")) {
            assertEquals(ok, HealthRequest.builder().waitForNodes(ok).build().waitForNodes());
        }
    }

    @Test
    void healthRequestFromMapAndBack() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("indices", "a, b");
        map.put("wait_for_status", "GREEN");
        map.put("wait_for_nodes", ">=3");
        map.put("wait_for_events", "languid");
        map.put("timeout", 30);
        map.put("cluster_manager_timeout", "PT10S");
        map.put("level", "awareness_attributes");
        map.put("awareness_attribute", "zone");
        HealthRequest r = HealthRequest.fromMap(map);
        assertEquals(List.of("a", "b"), r.indices());
        assertEquals(HealthStatus.GREEN, r.waitForStatus());
        assertEquals(WaitForEvents.LANGUID, r.waitForEvents());
        assertEquals(Duration.ofSeconds(30), r.timeout());
        assertEquals(Duration.ofSeconds(10), r.clusterManagerTimeout());
        assertEquals("green", r.toMap().get("wait_for_status"));
        assertEquals(r, r.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> HealthRequest.fromMap(Map.of("wait_for_colour", "green")));
    }

    @Test
    void settingsUpdateKeepsNullsAsUnset() throws Exception {
        ClusterSettingsUpdate u = ClusterSettingsUpdate.builder()
                .persistent("cluster.routing.allocation.enable", AllocationEnable.PRIMARIES)
                .persistent("cluster.routing.allocation.exclude._name", List.of("a", "b"))
                .transientSetting("indices.recovery.max_bytes_per_sec", null)
                .build();
        assertEquals("primaries", u.persistent().get("cluster.routing.allocation.enable"));
        assertEquals("a,b", u.persistent().get("cluster.routing.allocation.exclude._name"));
        assertTrue(u.transientSettings().containsKey("indices.recovery.max_bytes_per_sec"));
        assertNull(u.transientSettings().get("indices.recovery.max_bytes_per_sec"));
        assertEquals(u, roundTrip(u));
        assertEquals(u, ClusterSettingsUpdate.fromMap(u.toMap()));
        assertThrows(IllegalArgumentException.class, () -> ClusterSettingsUpdate.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ClusterSettingsUpdate.fromMap(Map.of("sticky", Map.of())));
    }

    @Test
    void resultRecordsAreSerializable() throws Exception {
        ClusterSettings s = new ClusterSettings(Map.of("a", "1"), Map.of("b", "2"), Map.of());
        assertEquals(s, roundTrip(s));
        Setting<List<String>> filter = s.exclude("_name");
        assertEquals(filter, roundTrip(filter));
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
