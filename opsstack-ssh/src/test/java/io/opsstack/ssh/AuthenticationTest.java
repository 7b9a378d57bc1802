package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Secret;
import io.opsstack.testkit.ssh.SshKeys;
import io.opsstack.testkit.ssh.SshdLab;

class AuthenticationTest {
    private static final String PASSPHRASE = "correct horse battery";
    private static SshdLab lab;
    @TempDir
    static Path keys;

    @BeforeAll
    static void start() {
        lab = SshdLab.start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @ParameterizedTest(name = "{0} key, PEM format {1}, passphrase {2}")
    @CsvSource({"ed25519,false,false", "rsa,false,false", "ecdsa,false,false", "rsa,true,false",
                "ecdsa,true,false", "ed25519,false,true", "rsa,true,true"})
    void logsInWithKeyTypeAndFormat(String type, boolean pem, boolean protectedKey) {
        String name = type + (pem ? "-pem" : "") + (protectedKey ? "-protected" : "");
        Path key = SshKeys.generate(keys, name, type, protectedKey ? PASSPHRASE : "", pem);
        lab.authorizeKey(SshKeys.publicKeyFile(key));
        SshIdentity identity = protectedKey ? SshIdentity.keyFile(key, Secret.of(PASSPHRASE)) : SshIdentity.keyFile(key);
        try (SshExecutor ssh = Ssh.executor(SshOptions.builder().knownHostsFile(lab.knownHostsFile()).identity(identity).build())) {
            assertEquals(lab.user() + "\n", ssh.run(LabSupport.target(lab), Command.of("id", "-un")).stdout());
        }
    }

    @Test
    void anUnauthorizedKeyFailsWithOpsAuthExceptionNamingTargetAndMethods() {
        Path stranger = SshKeys.generate(keys, "stranger", "ed25519");
        try (SshExecutor ssh = Ssh.executor(SshOptions.builder().knownHostsFile(lab.knownHostsFile()).identityFile(stranger).build())) {
            OpsAuthException e = assertThrows(OpsAuthException.class, () -> ssh.run(LabSupport.target(lab), Command.of("true")));
            assertEquals(0, e.statusCode());
            assertTrue(e.getMessage().contains(lab.user() + "@127.0.0.1:" + lab.port()), e.getMessage());
            assertTrue(e.getMessage().contains("publickey (" + stranger + ")"), e.getMessage());
        }
    }

    @Test
    void aWrongPassphraseFailsBeforeConnectingAndIsNotRevealed() {
        Path key = SshKeys.generate(keys, "guarded", "ed25519", PASSPHRASE, false);
        String wrong = "not-the-passphrase";
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> Ssh.executor(SshOptions.builder()
                .knownHostsFile(lab.knownHostsFile()).identity(SshIdentity.keyFile(key, Secret.of(wrong))).build()));
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void logsInWithAKeyHeldByTheAgent() throws Exception {
        Path key = SshKeys.generate(keys, "agent-held", "ed25519");
        lab.authorizeKey(SshKeys.publicKeyFile(key));
        Path socket = keys.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            awaitSocket(socket);
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertTrue(adding.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, adding.exitValue(), new String(adding.getInputStream().readAllBytes()));

            SshOptions options = SshOptions.fromMap(Map.of("knownHostsFile", lab.knownHostsFile().toString(),
                    "useAgent", true, "agentSocket", socket.toString()));
            try (SshExecutor ssh = Ssh.executor(options)) {
                assertEquals("agent\n", ssh.run(LabSupport.target(lab), Command.of("echo", "agent")).stdout());
            }
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitSocket(Path socket) throws InterruptedException {
        for (int i = 0; i < 200 && !socket.toFile().exists(); i++) {
            Thread.sleep(25);
        }
        assertTrue(socket.toFile().exists(), "ssh-agent did not create its socket");
    }
}
