package io.opsstack.api.http;

import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static ScriptedServer server;
    private static ScriptedServer wrongNameServer;
    private static ScriptedServer clientAuthServer;

    @BeforeAll
    static void startServers() throws Exception {
        pki = TestPki.create(dir);
        Path serverKeys = pki.issue("server", "RSA", "ip:127.0.0.1", "serverAuth");
        Path wrongNameKeys = pki.issue("wrong-name", "RSA", "dns:wrong.example", "serverAuth");
        pki.issue("client-ec", "EC", null, "clientAuth");
        pki.issue("client-rsa", "RSA", null, "clientAuth");
        server = ScriptedServer.https(pki.serverContext(serverKeys), false);
        wrongNameServer = ScriptedServer.https(pki.serverContext(wrongNameKeys), false);
        clientAuthServer = ScriptedServer.https(pki.serverContext(serverKeys), true);
    }

    @AfterAll
    static void stopServers() {
        for (ScriptedServer s : new ScriptedServer[] {server, wrongNameServer, clientAuthServer}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void theRightCaIsTrusted() {
        assertEquals(200, get(server, TlsOptions.builder().caCertificate(pki.caPem).build()));
    }

    @Test
    void aTrustStoreWorksLikeThePemCa() throws Exception {
        TlsOptions tls = TlsOptions.builder().trustStore(pki.trustStore(), Secret.of(TestPki.PASSWORD), "PKCS12").build();
        assertEquals(200, get(server, tls));
    }

    @Test
    void aDifferentCaIsRefusedAsNotTrusted() {
        OpsConnectException e = assertThrows(OpsConnectException.class,
                () -> get(server, TlsOptions.builder().caCertificate(pki.otherCaPem).build()));
        assertTrue(e.getMessage().contains("certificate not trusted"), e.getMessage());
        assertFalse(e.getMessage().contains("after"), "TLS trust failures are not retried: " + e.getMessage());
    }

    @Test
    void theJvmDefaultTrustRefusesThePrivateCa() {
        OpsConnectException e = assertThrows(OpsConnectException.class, () -> get(server, TlsOptions.defaults()));
        assertTrue(e.getMessage().contains("certificate not trusted"), e.getMessage());
    }

    @Test
    void aHostnameMismatchIsRefusedAsSuch() {
        OpsConnectException e = assertThrows(OpsConnectException.class,
                () -> get(wrongNameServer, TlsOptions.builder().caCertificate(pki.caPem).build()));
        assertTrue(e.getMessage().contains("hostname mismatch"), e.getMessage());
        assertFalse(e.getMessage().contains("not trusted"), e.getMessage());
    }

    @Test
    void hostnameVerificationCanBeTurnedOff() {
        TlsOptions tls = TlsOptions.builder().caCertificate(pki.caPem).hostnameVerification(false).build();
        assertEquals(200, get(wrongNameServer, tls));
    }

    @Test
    void insecureTrustAllAcceptsAnything() {
        assertEquals(200, get(wrongNameServer, TlsOptions.builder().insecureTrustAll().build()));
    }

    @Test
    void clientCertificateFromPemWithEcKeyIsAccepted() throws Exception {
        TlsOptions tls = TlsOptions.builder().caCertificate(pki.caPem)
                .clientCertificate(pki.certificatePem("client-ec"), pki.privateKeyPem("client-ec")).build();
        assertEquals(200, get(clientAuthServer, tls));
        assertEquals("CN=client-ec", lastClientSubject());
    }

    @Test
    void clientCertificateFromPemWithRsaKeyIsAccepted() throws Exception {
        TlsOptions tls = TlsOptions.fromMap(Map.of("ca_certificate", pki.caPem.toString(),
                "client_certificate", pki.certificatePem("client-rsa").toString(),
                "client_key", pki.privateKeyPem("client-rsa").toString()));
        assertEquals(200, get(clientAuthServer, tls));
        assertEquals("CN=client-rsa", lastClientSubject());
    }

    @Test
    void clientCertificateFromKeyStoreIsAccepted() {
        TlsOptions tls = TlsOptions.builder().caCertificate(pki.caPem)
                .keyStore(pki.dir.resolve("client-ec.p12"), Secret.of(TestPki.PASSWORD), "PKCS12").build();
        assertEquals(200, get(clientAuthServer, tls));
        assertEquals("CN=client-ec", lastClientSubject());
    }

    @Test
    void aServerRequiringClientCertificatesRefusesCallsWithoutOne() {
        assertThrows(OpsConnectException.class,
                () -> get(clientAuthServer, TlsOptions.builder().caCertificate(pki.caPem).build()));
    }

    @Test
    void unsupportedKeyFormatsAreNamed() throws Exception {
        Path pkcs1 = dir.resolve("legacy-key.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        TlsOptions tls = TlsOptions.builder().caCertificate(pki.caPem)
                .clientCertificate(pki.certificatePem("client-rsa"), pkcs1).build();
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> get(clientAuthServer, tls));
        assertTrue(e.getMessage().contains("PKCS#8"), e.getMessage());
    }

    private static int get(ScriptedServer target, TlsOptions tls) {
        try (HttpTransport transport = HttpTransport.create(HttpClientOptions.builder()
                .endpoints(target.uri().toString())
                .tls(tls)
                .retryPolicy(RetryPolicy.exponential(2, Duration.ofMillis(1), Duration.ofMillis(1)))
                .build())) {
            return transport.execute(HttpRequest.get("/").build()).statusCode();
        }
    }

    private static String lastClientSubject() {
        var received = clientAuthServer.received();
        return received.get(received.size() - 1).clientCertificateSubject();
    }
}
