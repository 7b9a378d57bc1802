package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.testkit.ssh.SshKeys;

/**
 * Fault injection that a real sshd cannot do on demand: an embedded MINA server whose scripted
 * command prints a line and then drops the whole connection without an exit status.
 */
class DroppedConnectionTest {

    @Test
    void aConnectionDroppedMidCommandIsAnSshExceptionNeverASuccess(@TempDir Path dir) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        server.setKeyPairProvider(KeyPairProvider.wrap(generator.generateKeyPair()));
        server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        server.setCommandFactory((channel, command) -> new DroppingCommand());
        server.start();
        Path key = SshKeys.generate(dir, "client", "ed25519");
        SshTarget target = new SshTarget("127.0.0.1", server.getPort(), "ops");
        try (SshExecutor ssh = Ssh.executor(SshOptions.builder().knownHostsFile(dir.resolve("known_hosts"))
                .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).identityFile(key).build())) {
            LabSupport.CollectingListener listener = new LabSupport.CollectingListener();
            SshException e = assertThrows(SshException.class,
                    () -> ssh.run(target, io.opsstack.ssh.Command.of("vmbackup", "-snapshot"), listener));
            assertTrue(e.getMessage().contains("connection lost while running `exec vmbackup -snapshot`"), e.getMessage());
            assertEquals(List.of("STDOUT:working"), listener.lines);
        } finally {
            server.stop(true);
        }
    }

    /** Writes one line, then closes the session under the channel: no exit-status is ever sent. */
    private static final class DroppingCommand implements Command {
        private OutputStream out;

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write("working\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.getSession().close(true);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing to release
        }

        @Override
        public void setInputStream(InputStream in) {
            // input is not read
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // no error output
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            // deliberately never called: the connection drops first
        }
    }
}
