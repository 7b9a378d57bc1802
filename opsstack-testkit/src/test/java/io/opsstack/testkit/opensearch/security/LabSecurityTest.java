package io.opsstack.testkit.opensearch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsValidationException;

/** The generated material without a server: certificates a PKIX validator accepts, PEM files OpenSearch reads. */
class LabSecurityTest {

    @TempDir
    Path dir;

    @Test
    void theNodeCertificateChainsToTheCaAndNamesTheLabAddresses() throws Exception {
        LabSecurity security = LabSecurity.builder().subjectAlternativeNames("127.0.0.1", "localhost").build();
        security.writeTlsFiles(dir);
        X509Certificate ca = certificate(security.caCertificatePem());
        X509Certificate node = certificate(Files.readString(dir.resolve(LabSecurity.NODE_CERTIFICATE)));

        PKIXParameters trust = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        trust.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(node)), trust);
        assertEquals("CN=opsstack-lab-node,OU=lab,O=opsstack", node.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(2, "localhost")), List.copyOf(node.getSubjectAlternativeNames()));
        assertTrue(ca.getBasicConstraints() >= 0, "the CA may sign");
        assertEquals(-1, node.getBasicConstraints(), "the node certificate may not");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), node.getExtendedKeyUsage());
    }

    @Test
    void theNodeKeyIsAnUnencryptedPkcs8PemMatchingTheCertificate() throws Exception {
        LabSecurity security = LabSecurity.generate();
        security.writeTlsFiles(dir);
        String pem = Files.readString(dir.resolve(LabSecurity.NODE_KEY));
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem.substring(0, 40));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        X509Certificate node = certificate(Files.readString(dir.resolve(LabSecurity.NODE_CERTIFICATE)));
        assertEquals(((RSAPublicKey) node.getPublicKey()).getModulus(), key.getModulus());
    }

    @Test
    void passwordsAreRandomPerLabAndNeverPrinted() {
        LabSecurity one = LabSecurity.generate();
        LabSecurity two = LabSecurity.generate();
        assertNotEquals(one.adminPassword().reveal(), two.adminPassword().reveal());
        assertNotEquals(one.adminPassword().reveal(), one.readOnlyPassword().reveal());
        assertNotEquals(one.caCertificatePem(), two.caCertificatePem());
        String printed = one.toString();
        assertFalse(printed.contains(one.adminPassword().reveal()) || printed.contains(one.readOnlyPassword().reveal()),
                printed);
        assertTrue(one.adminAuthorization().reveal().startsWith("Basic "));
        assertEquals("****", one.adminAuthorization().toString());
    }

    @Test
    void theCertificateMustNameTheAddressTheLabBindsAndUsersMustDiffer() {
        assertThrows(OpsValidationException.class, () -> LabSecurity.builder().subjectAlternativeNames("localhost"));
        assertThrows(OpsValidationException.class,
                () -> LabSecurity.builder().adminUser("ops").readOnlyUser("ops").build());
        assertThrows(OpsValidationException.class, () -> LabSecurity.builder().adminUser("Bad User"));
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
