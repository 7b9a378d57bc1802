package io.opsstack.ssh.internal.mina;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.ssh.HostKeyVerificationException;
import io.opsstack.ssh.SshException;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;

/** Opens and authenticates one session, turning MINA's failures into opsstack exceptions. */
final class SessionConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnector.class);

    private final SshClient client;
    private final PolicyServerKeyVerifier verifier;
    private final SshOptions options;
    private final List<KeyPair> keys;
    private final String methodsTried;

    SessionConnector(SshClient client, PolicyServerKeyVerifier verifier, SshOptions options, List<KeyPair> keys,
                     String methodsTried) {
        this.client = client;
        this.verifier = verifier;
        this.options = options;
        this.keys = keys;
        this.methodsTried = methodsTried;
    }

    ClientSession connect(SshTarget target) {
        ClientSession session = null;
        try {
            ConnectFuture connect = client.connect(target.user(), target.host(), target.port());
            if (!connect.await(options.connectTimeout())) {
                connect.cancel();
                throw new OpsTimeoutException("connecting to " + target + " timed out after " + options.connectTimeout(), null, target.toString());
            }
            if (connect.getException() != null) {
                throw connectFailure(target, connect.getException());
            }
            session = connect.getSession();
            keys.forEach(session::addPublicKeyIdentity);
            if (options.password() != null) {
                session.addPasswordIdentity(options.password().reveal());
            }
            AuthFuture auth = session.auth();
            if (!auth.await(options.connectTimeout())) {
                throw hostKeyFailure(target, session, new OpsTimeoutException("SSH handshake with " + target
                        + " timed out after " + options.connectTimeout(), null, target.toString()));
            }
            if (!auth.isSuccess()) {
                throw hostKeyFailure(target, session, authFailure(target, session, auth.getException()));
            }
            LOG.debug("SSH session to {} established", target);
            ClientSession established = session;
            session = null;
            return established;
        } catch (IOException e) {
            throw new SshException("SSH connection to " + target + " failed: " + e.getMessage(), e, target.toString());
        } finally {
            if (session != null) {
                verifier.takeMismatch(session);
                session.close(true);
            }
        }
    }

    private OpsException hostKeyFailure(SshTarget target, ClientSession session, OpsException otherwise) {
        HostKeyMismatch mismatch = verifier.takeMismatch(session);
        if (mismatch == null) {
            return otherwise;
        }
        return new HostKeyVerificationException(target.host(), target.port(), mismatch.expectedFingerprint(),
                mismatch.presentedFingerprint(), options.knownHostsFile().toString());
    }

    private OpsException authFailure(SshTarget target, ClientSession session, Throwable cause) {
        if (session.isOpen() || isAuthExhausted(cause)) {
            return new OpsAuthException("SSH authentication of " + target + " failed; tried " + methodsTried,
                    cause, target.toString(), 0, null);
        }
        return new SshException("SSH connection to " + target + " closed during the handshake"
                + (cause == null ? "" : ": " + cause.getMessage()), cause, target.toString());
    }

    private static boolean isAuthExhausted(Throwable cause) {
        return cause != null && String.valueOf(cause.getMessage()).contains("authentication methods");
    }

    private static OpsException connectFailure(SshTarget target, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return new OpsConnectException("cannot connect to " + target + ": " + t.getMessage(), cause, target.toString());
            }
        }
        return new SshException("cannot connect to " + target + ": " + cause.getMessage(), cause, target.toString());
    }
}
