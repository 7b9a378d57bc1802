package io.opsstack.opensearch.lab.reliability.security;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.secret.Secret;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.testkit.opensearch.LabNodeSpec;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import io.opsstack.testkit.opensearch.security.LabSecurity;

/**
 * Base of the security lab tests: a one-node lab with the real security plugin (TLS on HTTP and
 * transport, internal users) per test class, and clients for it. Security behaviour is the
 * plugin's, not the OpenSearch version's, so the lab runs on the first default version only.
 */
abstract class SecuredLabSupport {

    /** The node carries {@code temp=hot}, so a tier move to {@code hot} is a real settings change. */
    static final String NODE = "opensearch-hot-1";

    static OpenSearchLab lab;
    static LabSecurity security;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecuredLab() {
        String version = LabSupport.versionIndependent();
        Assumptions.assumeTrue(version != null, "runs on the first default version only");
        LabTopology topology = LabTopology.builder("secured-single-node")
                .node(LabNodeSpec.builder(NODE).attribute("temp", "hot").build())
                .build();
        lab = OpenSearchLab.builder().version(version).clusterName("secured").topology(topology)
                .security(LabSecurity.generate()).startTimeout(Duration.ofMinutes(4)).build().start();
        security = lab.security().orElseThrow();
    }

    @AfterAll
    static void stopSecuredLab() {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    /** A client trusting the lab CA with the given user. */
    OpenSearchOps ops(String user, Secret password) {
        return OpenSearchOps.builder().endpoints(lab.httpEndpoints())
                .credentials(Credentials.basic(user, password))
                .tls(TlsOptions.builder().caCertificate(caFile()).build())
                .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                .build();
    }

    OpenSearchOps admin() {
        return ops(security.adminUser(), security.adminPassword());
    }

    OpenSearchOps readOnly() {
        return ops(security.readOnlyUser(), security.readOnlyPassword());
    }

    Path caFile() {
        return security.writeCaCertificate(dir.resolve("ca.pem"));
    }
}
