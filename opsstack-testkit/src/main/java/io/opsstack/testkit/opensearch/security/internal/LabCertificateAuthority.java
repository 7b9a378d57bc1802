package io.opsstack.testkit.opensearch.security.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A throwaway certificate authority written with the JDK alone (no {@code sun.security}, no
 * BouncyCastle): an RSA-2048 root and leaf certificates it signs with SHA-256, as a lab's TLS needs.
 * Names are {@code CN=<name>,OU=lab,O=opsstack}.
 */
public final class LabCertificateAuthority {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATIONAL_UNIT = "2.5.4.11";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALTERNATIVE_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    /** Back-dated so that clocks a little apart still accept the certificates. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration VALIDITY = Duration.ofDays(30);

    /** A key pair with the certificate issued for it. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        /** Never the key material. */
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final String rootName;
    private final Issued root;

    private LabCertificateAuthority(String name) {
        rootName = name;
        KeyPair keys = newKeyPair();
        byte[] subject = encodedName(name);
        root = new Issued(keys, sign(subject, subject, keys, keys, List.of(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                extension(KEY_USAGE, true, Der.namedBits(KEY_CERT_SIGN, CRL_SIGN)))));
    }

    /** A new authority with a fresh root key. */
    public static LabCertificateAuthority create(String name) {
        return new LabCertificateAuthority(name);
    }

    /** The distinguished name a certificate issued here carries for {@code name}, in RFC 2253 form. */
    public static String distinguishedName(String name) {
        return "CN=" + name + ",OU=lab,O=opsstack";
    }

    public Issued root() {
        return root;
    }

    /**
     * A certificate for TLS servers and clients; {@code alternativeNames} become IP address entries
     * when they are IPv4 literals and DNS entries otherwise (none: a client-only certificate).
     */
    public Issued issue(String name, List<String> alternativeNames) {
        KeyPair keys = newKeyPair();
        List<byte[]> extensions = new ArrayList<>(List.of(
                extension(BASIC_CONSTRAINTS, false, Der.sequence()),
                extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT)),
                extension(EXTENDED_KEY_USAGE, false,
                        Der.sequence(Der.objectIdentifier(SERVER_AUTH), Der.objectIdentifier(CLIENT_AUTH)))));
        if (!alternativeNames.isEmpty()) {
            extensions.add(extension(SUBJECT_ALTERNATIVE_NAME, false, generalNames(alternativeNames)));
        }
        X509Certificate certificate = sign(encodedName(name), encodedName(rootName), keys, root.keys(), extensions);
        return new Issued(keys, certificate);
    }

    private X509Certificate sign(byte[] subject, byte[] issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                 List<byte[]> extensions) {
        Instant now = Instant.now();
        byte[] algorithm = Der.sequence(Der.objectIdentifier(SHA256_WITH_RSA), Der.nullValue());
        byte[] toBeSigned = Der.sequence(
                Der.constructed(0xA0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, random).add(BigInteger.ONE)),
                algorithm,
                issuer,
                Der.sequence(Der.utcTime(now.minus(BACKDATE)), Der.utcTime(now.plus(VALIDITY))),
                subject,
                subjectKeys.getPublic().getEncoded(),
                Der.constructed(0xA3, Der.sequence(extensions.toArray(new byte[0][]))));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(issuerKeys.getPrivate(), random);
            signature.update(toBeSigned);
            byte[] encoded = Der.sequence(toBeSigned, algorithm, Der.bitString(signature.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
            certificate.verify(issuerKeys.getPublic());
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a lab certificate", e);
        }
    }

    private static byte[] encodedName(String commonName) {
        return Der.sequence(
                relativeName(ORGANIZATION, "opsstack"),
                relativeName(ORGANIZATIONAL_UNIT, "lab"),
                relativeName(COMMON_NAME, commonName));
    }

    private static byte[] relativeName(String type, String value) {
        return Der.set(Der.sequence(Der.objectIdentifier(type), Der.utf8String(value)));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.objectIdentifier(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.objectIdentifier(oid), Der.octetString(value));
    }

    private static byte[] generalNames(List<String> names) {
        List<byte[]> encoded = new ArrayList<>();
        for (String name : names) {
            encoded.add(IPV4.matcher(name).matches()
                    ? Der.value(0x87, ipv4(name))
                    : Der.value(0x82, name.getBytes(StandardCharsets.US_ASCII)));
        }
        return Der.sequence(encoded.toArray(new byte[0][]));
    }

    private static byte[] ipv4(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + literal, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
