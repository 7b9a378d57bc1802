package io.opsstack.ssh;

import java.nio.file.Path;
import java.util.Objects;

import io.opsstack.api.secret.Secret;

/**
 * A private key file (ed25519, RSA or ECDSA; OpenSSH or PEM format), optionally protected by a
 * passphrase. Not a record: the passphrase must never be printed.
 */
public final class SshIdentity {
    private final Path keyFile;
    private final Secret passphrase;

    private SshIdentity(Path keyFile, Secret passphrase) {
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.passphrase = passphrase;
    }

    public static SshIdentity keyFile(Path keyFile) {
        return new SshIdentity(keyFile, null);
    }

    public static SshIdentity keyFile(Path keyFile, Secret passphrase) {
        return new SshIdentity(keyFile, Objects.requireNonNull(passphrase, "passphrase"));
    }

    public Path keyFile() {
        return keyFile;
    }

    /** The passphrase, or null for an unprotected key. */
    public Secret passphrase() {
        return passphrase;
    }

    @Override
    public String toString() {
        return "SshIdentity[" + keyFile + (passphrase == null ? "" : ", passphrase=" + passphrase) + "]";
    }
}
