package io.opsstack.ssh.internal.mina;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.UserAuthFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.OutputListener;
import io.opsstack.ssh.RemoteCommandException;
import io.opsstack.ssh.SshException;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshIdentity;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;

/** {@link SshExecutor} on Apache MINA SSHD with one client, reused sessions and opsstack's host key policy. */
public final class MinaSshExecutor implements SshExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(MinaSshExecutor.class);
    private static final int KEEP_ALIVE_MISSES_BEFORE_DISCONNECT = 3;

    private final SshOptions options;
    private final SshClient client;
    private final SessionPool pool;
    private final ExecChannelRunner runner;

    public MinaSshExecutor(SshOptions options) {
        this.options = options;
        List<KeyPair> keys = KeyFiles.load(options.identities());
        Path agentSocket = agentSocket(options);
        this.client = SshClient.setUpDefaultClient();
        // nothing from ~/.ssh/config or default key locations: only what the options say
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        PolicyServerKeyVerifier verifier = new PolicyServerKeyVerifier(options.hostKeyPolicy(), options.knownHostsFile());
        client.setServerKeyVerifier(verifier);
        client.setUserAuthFactories(authFactories(options));
        if (agentSocket != null) {
            client.setAgentFactory(new UnixSocketAgentFactory(agentSocket));
        }
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, options.keepAliveInterval());
        CoreModuleProperties.HEARTBEAT_REQUEST.set(client, "keepalive@openssh.com");
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, KEEP_ALIVE_MISSES_BEFORE_DISCONNECT);
        client.start();
        this.pool = new SessionPool(new SessionConnector(client, verifier, options, keys, methodsTried(options, agentSocket)),
                options.channelsPerConnection());
        this.runner = new ExecChannelRunner(options.connectTimeout());
    }

    @Override
    public CommandResult run(SshTarget target, Command command) {
        return run(target, command, null);
    }

    @Override
    public CommandResult run(SshTarget target, Command command, OutputListener listener) {
        Duration timeout = command.timeout() != null ? command.timeout() : options.commandTimeout();
        LOG.debug("running `{}` on {}", command.display(), target);
        CommandResult result = runOnPooledSession(target, command, timeout, listener, true);
        LOG.debug("`{}` on {} exited with {} after {} ms", result.command(), target,
                result.exitSignal() == null ? result.exitCode() : "signal " + result.exitSignal(), result.duration().toMillis());
        if (result.exitSignal() != null || !command.accepts(result.exitCode())) {
            throw new RemoteCommandException(result);
        }
        return result;
    }

    @Override
    public void upload(SshTarget target, Path localFile, String remotePath) {
        SessionPool.Lease lease = pool.acquire(target);
        try {
            SftpTransfers.upload(lease.session, localFile, remotePath);
            LOG.debug("uploaded {} to {}:{}", localFile, target, remotePath);
        } catch (IOException e) {
            throw new SshException("upload of " + localFile + " to " + target + ":" + remotePath + " failed: " + e.getMessage(),
                    e, target.toString());
        } finally {
            lease.release();
        }
    }

    @Override
    public void download(SshTarget target, String remotePath, Path localFile) {
        SessionPool.Lease lease = pool.acquire(target);
        try {
            SftpTransfers.download(lease.session, remotePath, localFile);
            LOG.debug("downloaded {}:{} to {}", target, remotePath, localFile);
        } catch (IOException e) {
            throw new SshException("download of " + target + ":" + remotePath + " to " + localFile + " failed: " + e.getMessage(),
                    e, target.toString());
        } finally {
            lease.release();
        }
    }

    @Override
    public SshOptions options() {
        return options;
    }

    @Override
    public void close() {
        pool.close();
        client.stop();
    }

    private CommandResult runOnPooledSession(SshTarget target, Command command, Duration timeout, OutputListener listener,
                                             boolean retryOnStaleSession) {
        SessionPool.Lease lease = pool.acquire(target);
        try {
            return runner.run(lease.session, target, command, timeout, listener);
        } catch (ExecChannelRunner.ChannelOpenFailure e) {
            // a pooled connection that died while idle: the command never started, so one retry is safe
            pool.discard(target, lease);
            if (retryOnStaleSession) {
                return runOnPooledSession(target, command, timeout, listener, false);
            }
            throw e.sshException();
        } finally {
            lease.release();
        }
    }

    private static List<UserAuthFactory> authFactories(SshOptions options) {
        List<UserAuthFactory> factories = new ArrayList<>();
        factories.add(UserAuthPublicKeyFactory.INSTANCE);
        if (options.password() != null) {
            factories.add(UserAuthPasswordFactory.INSTANCE);
        }
        return factories;
    }

    private static Path agentSocket(SshOptions options) {
        if (!options.useAgent()) {
            return null;
        }
        if (options.agentSocket() != null) {
            return options.agentSocket();
        }
        String fromEnvironment = System.getenv("SSH_AUTH_SOCK");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new OpsValidationException("useAgent is set but SSH_AUTH_SOCK is not; start an agent or give agentSocket");
        }
        return Path.of(fromEnvironment);
    }

    private static String methodsTried(SshOptions options, Path agentSocket) {
        List<String> keySources = new ArrayList<>();
        for (SshIdentity identity : options.identities()) {
            keySources.add(identity.keyFile().toString());
        }
        if (agentSocket != null) {
            keySources.add("agent " + agentSocket);
        }
        return "publickey (" + (keySources.isEmpty() ? "no keys" : String.join(", ", keySources)) + ")"
                + (options.password() != null ? ", password" : "");
    }
}
