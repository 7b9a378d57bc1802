package io.opsstack.opensearch.lab.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.secret.Secret;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.testkit.opensearch.security.LabSecurity;

/**
 * OpenSearch with the real security plugin: TLS verified against the lab CA, basic auth, a user
 * without cluster-admin permissions refused before any change, and the refusals for a wrong CA,
 * a host name outside the certificate and a wrong password. Behaviour is the plugin's, not the
 * version's, so it runs on one version.
 */
class SecuredClusterLabTest extends SecuredLabSupport {

    @Test
    void verifiedTlsAndBasicAuthReachTheCluster() {
        assertEquals("https", lab.httpEndpoint().getScheme());
        try (OpenSearchOps os = admin()) {
            assertEquals(1, os.health().numberOfNodes());
            assertEquals(NODE, os.nodes().get(0).name());
        }
    }

    @Test
    void aReadOnlyUserReadsButIsRefusedWithA403BeforeAnyChange() {
        String index = LabSupport.uniqueIndex("secured");
        try (OpenSearchOps admin = admin();
             OpenSearchOps reader = readOnly()) {
            admin.createIndex(index, Map.of("index.number_of_replicas", 0));
            ClusterSettings settingsBefore = admin.clusterSettings(false);
            Map<String, String> indexBefore = admin.indexSettings(index).settings();

            assertEquals(1, reader.health().numberOfNodes(), "cluster monitor is allowed");
            OpsAuthException settings = assertThrows(OpsAuthException.class, () -> reader.putClusterSettings(
                    ClusterSettingsUpdate.builder().persistent("cluster.routing.allocation.enable", "primaries").build()));
            assertEquals(403, settings.statusCode());
            assertTrue(settings.getMessage().contains("cluster:admin/settings/update"), settings.getMessage());

            Operation<Void> move = reader.tierMove(TierMoveRequest.builder().index(index).tier("hot").build());
            Plan plan = move.plan();
            OpsAuthException apply = assertThrows(OpsAuthException.class, () -> move.apply(plan,
                    ApplyOptions.builder().journalDirectory(dir.resolve("journal")).build()));
            assertEquals(403, apply.statusCode());
            assertTrue(apply.getMessage().contains("indices:admin/settings/update"), apply.getMessage());

            assertEquals(settingsBefore, admin.clusterSettings(false), "cluster settings unchanged");
            assertEquals(indexBefore, admin.indexSettings(index).settings(), "index settings unchanged");
            admin.deleteIndex(index);
        }
    }

    @Test
    void anotherCaIsRefusedAsAnUntrustedCertificate() {
        Path otherCa = LabSecurity.generate().writeCaCertificate(dir.resolve("other-ca.pem"));
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(lab.httpEndpoints())
                .credentials(Credentials.basic(security.adminUser(), security.adminPassword()))
                .tls(TlsOptions.builder().caCertificate(otherCa).build()).build()) {
            OpsConnectException refused = assertThrows(OpsConnectException.class, os::health);
            assertTrue(refused.getMessage().contains("not trusted"), refused.getMessage());
        }
    }

    @Test
    void aHostNameOutsideTheCertificateIsRefusedUnlessVerificationIsTurnedOff() {
        URI byName = URI.create("https://localhost:" + lab.httpEndpoint().getPort());
        Path ca = caFile();
        Credentials admin = Credentials.basic(security.adminUser(), security.adminPassword());
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(byName.toString()).credentials(admin)
                .tls(TlsOptions.builder().caCertificate(ca).build()).build()) {
            OpsConnectException refused = assertThrows(OpsConnectException.class, os::health);
            assertTrue(refused.getMessage().contains("hostname mismatch"), refused.getMessage());
        }
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(byName.toString()).credentials(admin)
                .tls(TlsOptions.builder().caCertificate(ca).hostnameVerification(false).build()).build()) {
            assertEquals(1, os.health().numberOfNodes(), "explicitly disabled hostname verification connects");
        }
    }

    @Test
    void aWrongPasswordIsA401() {
        try (OpenSearchOps os = ops(security.adminUser(),
                Secret.of("not-the-password"))) {
            OpsAuthException refused = assertThrows(OpsAuthException.class, os::health);
            assertEquals(401, refused.statusCode());
            assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
        }
    }
}
