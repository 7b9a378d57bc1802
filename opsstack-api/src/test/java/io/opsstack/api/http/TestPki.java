package io.opsstack.api.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the JDK's keytool at test time: a CA, an unrelated CA, server
 * certificates for 127.0.0.1 and for a wrong name, and client certificates with RSA and EC keys.
 */
final class TestPki {
    static final String PASSWORD = "changeit";

    final Path dir;
    final Path caPem;
    final Path otherCaPem;

    private TestPki(Path dir) throws Exception {
        this.dir = dir;
        this.caPem = authority("ca", "CN=opsstack test CA");
        this.otherCaPem = authority("other-ca", "CN=unrelated CA");
    }

    static TestPki create(Path dir) throws Exception {
        return new TestPki(dir);
    }

    /** A key store holding {@code name}'s key and its chain (certificate signed by the CA, then the CA). */
    Path issue(String name, String keyAlgorithm, String san, String extendedKeyUsage) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", keyAlgorithm,
                "-dname", "CN=" + name, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD));
        if (keyAlgorithm.equals("EC")) {
            generate.addAll(List.of("-groupname", "secp256r1"));
        }
        keytool(generate.toArray(new String[0]));
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", request.toString());
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", dir.resolve("ca.p12").toString(),
                "-storepass", PASSWORD, "-infile", request.toString(), "-outfile", certificate.toString(), "-rfc",
                "-validity", "2", "-ext", "eku=" + extendedKeyUsage));
        if (san != null) {
            sign.addAll(List.of("-ext", "san=" + san));
        }
        keytool(sign.toArray(new String[0]));

        KeyStore keys = load(store);
        PrivateKey key = (PrivateKey) keys.getKey(name, PASSWORD.toCharArray());
        List<Certificate> chain = new ArrayList<>(certificates(certificate));
        chain.addAll(certificates(caPem));
        keys.setKeyEntry(name, key, PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
        try (OutputStream out = Files.newOutputStream(store)) {
            keys.store(out, PASSWORD.toCharArray());
        }
        Files.writeString(certificate, Files.readString(certificate) + Files.readString(caPem));
        return store;
    }

    /** The PEM certificate chain written by {@link #issue}. */
    Path certificatePem(String name) {
        return dir.resolve(name + ".pem");
    }

    /** Writes {@code name}'s private key as unencrypted PKCS#8 PEM. */
    Path privateKeyPem(String name) throws Exception {
        PrivateKey key = (PrivateKey) load(dir.resolve(name + ".p12")).getKey(name, PASSWORD.toCharArray());
        Path pem = dir.resolve(name + "-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return pem;
    }

    /** A PKCS12 trust store holding the CA certificate. */
    Path trustStore() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificates(caPem).get(0));
        Path path = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return path;
    }

    /** A server-side context presenting {@code keyStore}'s certificate and trusting the CA for client certificates. */
    SSLContext serverContext(Path keyStore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD.toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", certificates(caPem).get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private Path authority(String alias, String dname) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", dname,
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        Path pem = dir.resolve(alias + ".crt");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    private static KeyStore load(Path store) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    private static List<Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        return new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem))));
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
