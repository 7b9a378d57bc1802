package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files: X.509 certificates and unencrypted PKCS#8 private keys ({@code BEGIN PRIVATE KEY}).
 * Errors name the file and the problem, never the file's content.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlock block : blocks(pem, what)) {
                if (block.type.equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new OpsValidationException(what + " " + pem + " holds an invalid certificate: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new OpsValidationException(what + " " + pem + " holds no '-----BEGIN CERTIFICATE-----' block");
        }
        return certificates;
    }

    /** @param algorithm the key algorithm, taken from the matching certificate's public key (RSA, EC, …) */
    static PrivateKey privateKey(Path pem, String algorithm, String what) {
        for (PemBlock block : blocks(pem, what)) {
            switch (block.type) {
                case "PRIVATE KEY":
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der));
                    } catch (GeneralSecurityException e) {
                        throw new OpsValidationException(what + " " + pem + " is not a valid unencrypted PKCS#8 "
                                + algorithm + " key matching the certificate: " + e.getClass().getSimpleName());
                    }
                case "ENCRYPTED PRIVATE KEY":
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    throw new OpsValidationException(what + " " + pem + " holds a '" + block.type
                            + "' block; convert it to unencrypted PKCS#8 ('openssl pkcs8 -topk8 -nocrypt') or use a key store");
                default:
                    break;
            }
        }
        throw new OpsValidationException(what + " " + pem + " holds no '-----BEGIN PRIVATE KEY-----' block");
    }

    private static List<PemBlock> blocks(Path pem, String what) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new OpsValidationException("cannot read " + what + " " + pem + ": " + e);
        }
        List<PemBlock> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new PemBlock(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new OpsValidationException(what + " " + pem + " has a malformed '" + m.group(1) + "' block");
            }
        }
        return blocks;
    }

    private record PemBlock(String type, byte[] der) {
    }
}
