package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.api.secret.Secret;
import io.opsstack.testkit.ssh.SshKeys;
import io.opsstack.testkit.ssh.SshdLab;

/** Runs the paths that log (at debug) and fail with secrets in play, and checks the captured log output. */
class SecretsInLogsTest {
    private static final String PASSPHRASE = "pass-phrase-4711";
    private static final String MASKED = "db-pa55w0rd-0815";
    private static final String PASSWORD = "login-secret-0042";

    @Test
    void noSecretReachesLogsExceptionsOrToString(@TempDir Path dir) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        StringBuilder surfaces = new StringBuilder();
        try (SshdLab lab = SshdLab.start()) {
            Path key = SshKeys.generate(dir, "protected", "ed25519", PASSPHRASE, false);
            lab.authorizeKey(SshKeys.publicKeyFile(key));
            SshOptions options = SshOptions.builder().knownHostsFile(dir.resolve("none"))
                    .hostKeyPolicy(HostKeyPolicy.INSECURE_ACCEPT_ALL)
                    .identity(SshIdentity.keyFile(key, Secret.of(PASSPHRASE))).password(Secret.of(PASSWORD)).build();
            surfaces.append(options).append(options.identities());
            SshTarget target = LabSupport.target(lab);
            try (SshExecutor ssh = Ssh.executor(options)) {
                Command secretive = Command.builder().shell("echo \"$DB_PASSWORD\"; echo " + MASKED + " >&2")
                        .env("DB_PASSWORD", MASKED).redact(MASKED).build();
                CommandResult result = ssh.run(target, secretive, new LabSupport.CollectingListener());
                surfaces.append(result).append(result.toMap()).append(secretive);

                Command failing = secretive.toBuilder().shell("echo " + MASKED + " >&2; exit 9").build();
                surfaces.append(assertThrows(RemoteCommandException.class, () -> ssh.run(target, failing)).getMessage());
                Command slow = secretive.toBuilder().shell("sleep 20 # " + MASKED).timeout(Duration.ofMillis(300)).build();
                surfaces.append(assertThrows(OpsTimeoutException.class, () -> ssh.run(target, slow)).getMessage());
                FanOutResult fanOut = FanOut.builder(ssh).build().run(List.of(target), failing);
                surfaces.append(fanOut).append(fanOut.toMap());
            }
            SshOptions fromMap = SshOptions.fromMap(Map.of("identityFiles", key.toString(), "passphrase", PASSPHRASE,
                    "password", PASSWORD, "knownHostsFile", lab.knownHostsFile().toString()));
            surfaces.append(fromMap);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("INSECURE_ACCEPT_ALL"), "the log capture did not work: " + log);
        assertTrue(log.contains("DEBUG io.opsstack.ssh"), "debug logging was not exercised");
        for (String secret : List.of(PASSPHRASE, MASKED, PASSWORD)) {
            assertFalse(log.contains(secret), "log output contains a secret:\n" + log);
            assertFalse(surfaces.toString().contains(secret), "a result, exception or toString contains a secret: " + surfaces);
        }
    }
}
