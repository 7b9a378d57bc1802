package io.opsstack.ssh.internal.mina;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.ssh.HostKeyPolicy;

/**
 * Applies a {@link HostKeyPolicy} on top of MINA's known_hosts verifier (whose own default would
 * accept everything). A refused key is recorded per session so the caller can report which
 * fingerprints clashed instead of MINA's generic "server key did not validate". The record is kept here, not
 * in the session's attributes: MINA clears those when the refused session closes, which can happen before
 * the caller looks.
 */
final class PolicyServerKeyVerifier implements ServerKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyServerKeyVerifier.class);

    private final HostKeyPolicy policy;
    private final Path knownHostsFile;
    private final KnownHostsServerKeyVerifier knownHosts;
    private final Map<ClientSession, HostKeyMismatch> mismatches = new ConcurrentHashMap<>();

    PolicyServerKeyVerifier(HostKeyPolicy policy, Path knownHostsFile) {
        this.policy = policy;
        this.knownHostsFile = knownHostsFile;
        this.knownHosts = new KnownHostsServerKeyVerifier(this::acceptUnknown, knownHostsFile);
        this.knownHosts.setModifiedServerKeyAcceptor(this::refuseModified);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (policy == HostKeyPolicy.INSECURE_ACCEPT_ALL) {
            LOG.warn("INSECURE_ACCEPT_ALL: accepting host key {} of {} without verification",
                    KeyUtils.getFingerPrint(serverKey), remoteAddress);
            return true;
        }
        return knownHosts.verifyServerKey(session, remoteAddress, serverKey);
    }

    private boolean acceptUnknown(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String fingerprint = KeyUtils.getFingerPrint(serverKey);
        if (policy == HostKeyPolicy.ACCEPT_NEW) {
            LOG.info("trusting the new host key {} of {} and adding it to {}", fingerprint, remoteAddress, knownHostsFile);
            return true;
        }
        mismatches.put(session, new HostKeyMismatch(null, fingerprint));
        return false;
    }

    private boolean refuseModified(ClientSession session, SocketAddress remoteAddress,
                                   KnownHostEntry entry,
                                   PublicKey expected, PublicKey actual) {
        HostKeyMismatch mismatch = new HostKeyMismatch(KeyUtils.getFingerPrint(expected), KeyUtils.getFingerPrint(actual));
        LOG.error("HOST KEY CHANGED for {}: expected {}, presented {}; refusing to connect",
                remoteAddress, mismatch.expectedFingerprint(), mismatch.presentedFingerprint());
        mismatches.put(session, mismatch);
        return false;
    }

    /** The refusal recorded for the session, if any; forgotten once taken. */
    HostKeyMismatch takeMismatch(ClientSession session) {
        return mismatches.remove(session);
    }
}
