package io.opsstack.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.Tenant;

class TenantAndLayoutTest {

    @Test
    void parsesAccountAndProject() {
        assertEquals(new Tenant(12, 34), Tenant.parse("12:34"));
        assertEquals(new Tenant(12, 0), Tenant.parse("12"));
        assertEquals(Tenant.MAX_ID, Tenant.parse("4294967295:4294967295").projectId());
        assertEquals("12", Tenant.parse("12:0").pathSegment());
        assertEquals("12:34", Tenant.parse(" 12:34 ").pathSegment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "12:", ":34", "12:x", "-1", "4294967296", "1:4294967296", "1:2:3", "99999999999"})
    void rejectsMalformedTenants(String text) {
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> Tenant.parse(text));
        assertTrue(e.getMessage().contains("tenant"), e.getMessage());
    }

    @Test
    void clusterAndSingleNodeLayoutsBuildTheDocumentedPaths() {
        UrlLayout cluster = UrlLayouts.cluster("12:34");
        assertEquals("/insert/12:34/prometheus/api/v1/import/prometheus", cluster.insertPath("api/v1/import/prometheus"));
        assertEquals("/select/12:34/prometheus/api/v1/query", cluster.selectPath("api/v1/query"));
        assertEquals("/delete/12:34/prometheus/api/v1/admin/tsdb/delete_series",
                cluster.deletePath("api/v1/admin/tsdb/delete_series"));
        assertEquals("/select/5/prometheus/api/v1/series", cluster.withTenant(Tenant.of(5, 0)).selectPath("api/v1/series"));

        UrlLayout single = UrlLayouts.singleNode();
        assertEquals("/api/v1/import", single.insertPath("api/v1/import"));
        assertEquals("/api/v1/query_range", single.selectPath("api/v1/query_range"));
        assertTrue(single.tenant().isEmpty());
        assertThrows(OpsValidationException.class, () -> single.withTenant(Tenant.of(1, 0)));
        assertThrows(OpsValidationException.class, () -> cluster.selectPath("api/v1/query?x=1"));
    }

    @Test
    void unknownComponentIsAClearError() {
        assertEquals(ComponentType.VMSTORAGE, ComponentType.parse("VmStorage"));
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> ComponentType.parse("vmfoo"));
        assertTrue(e.getMessage().contains("unknown VictoriaMetrics component 'vmfoo'") && e.getMessage().contains("vminsert"),
                e.getMessage());
    }
}
