package io.opsstack.ssh.internal.mina;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.SshIdentity;

/** Reads private keys (OpenSSH or PEM; ed25519, RSA, ECDSA; optionally passphrase-protected). */
final class KeyFiles {

    private KeyFiles() {
    }

    static List<KeyPair> load(List<SshIdentity> identities) {
        List<KeyPair> keys = new ArrayList<>();
        for (SshIdentity identity : identities) {
            keys.addAll(load(identity));
        }
        return List.copyOf(keys);
    }

    private static List<KeyPair> load(SshIdentity identity) {
        Path file = identity.keyFile();
        if (!Files.isReadable(file)) {
            throw new OpsValidationException("SSH key file " + file + " does not exist or is not readable");
        }
        FilePasswordProvider passwords = identity.passphrase() == null
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(identity.passphrase().reveal());
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, passwords);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the cause is dropped: decryption errors may describe key material
            throw new OpsValidationException("cannot read SSH key file " + file + " ("
                    + e.getClass().getSimpleName() + "); " + (identity.passphrase() == null
                    ? "is it passphrase-protected?" : "is the passphrase right?"));
        }
        if (keys.isEmpty()) {
            throw new OpsValidationException("SSH key file " + file + " holds no private key");
        }
        return keys;
    }
}
