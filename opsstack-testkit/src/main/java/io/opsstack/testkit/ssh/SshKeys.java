package io.opsstack.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opsstack.api.error.OpsCancelledException;

/** Generates key pairs with OpenSSH's {@code ssh-keygen}, exactly as an operator would. */
public final class SshKeys {
    private static final String SSH_KEYGEN = "ssh-keygen";

    private SshKeys() {
    }

    /**
     * Writes {@code dir/name} (private) and {@code dir/name.pub}.
     *
     * @param type {@code ed25519}, {@code rsa} or {@code ecdsa}
     * @param passphrase empty for an unprotected key
     * @param pemFormat true for the legacy PEM format ({@code -m PEM}) instead of the OpenSSH format
     * @return the private key file
     */
    public static Path generate(Path dir, String name, String type, String passphrase, boolean pemFormat) {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", passphrase,
                "-C", "opsstack-lab-" + name, "-f", key.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "3072"));
        }
        if (pemFormat) {
            command.addAll(List.of("-m", "PEM"));
        }
        run(command, "generate " + type + " key " + key);
        return key;
    }

    /** Generates an unprotected key in the OpenSSH format. */
    public static Path generate(Path dir, String name, String type) {
        return generate(dir, name, type, "", false);
    }

    /** The public key line ({@code type base64 comment}) of a key written by {@link #generate}. */
    public static String publicKeyLine(Path privateKey) {
        try {
            return Files.readString(publicKeyFile(privateKey), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key of " + privateKey, e);
        }
    }

    public static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The OpenSSH fingerprint ({@code SHA256:...}) of a key pair's public half. */
    public static String fingerprint(Path privateKey) {
        String line = run(List.of(SSH_KEYGEN, "-l", "-E", "sha256", "-f", publicKeyFile(privateKey).toString()),
                "fingerprint " + privateKey);
        return line.trim().split("\\s+")[1];
    }

    static String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + what);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cannot " + what + " (exit " + process.exitValue() + "): " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + "; is openssh-client installed?", e);
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted(what, e);
        }
    }
}
