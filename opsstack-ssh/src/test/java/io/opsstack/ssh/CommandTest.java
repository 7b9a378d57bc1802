package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

class CommandTest {

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertEquals("exec systemctl restart opensearch", Command.of("systemctl", "restart", "opensearch").commandLine());
        assertEquals("exec echo 'a b' 'it'\"'\"'s' '$HOME' 'x;y' ''", Command.of("echo", "a b", "it's", "$HOME", "x;y", "").commandLine());
    }

    @Test
    void buildsSudoEnvironmentAndWorkingDirectory() {
        Command command = Command.builder().args("vmbackup", "-dst=fs:///backup").sudoUser("victoria")
                .env("TZ", "UTC").workingDirectory("/opt/vm dir").build();
        assertEquals("cd '/opt/vm dir' && exec sudo -n -u victoria -- env TZ=UTC vmbackup -dst=fs:///backup", command.commandLine());
        assertEquals("echo $HOME | wc -c", Command.shell("echo $HOME | wc -c").commandLine());
    }

    @Test
    void masksSecretsInDisplayAndToString() {
        Command command = Command.builder().args("curl", "-u", "admin:hunter2", "https://node:9200").redact("hunter2").build();
        assertFalse(command.toString().contains("hunter2"));
        assertTrue(command.display().contains("admin:****"), command.display());
        assertTrue(command.commandLine().contains("hunter2"));
    }

    @Test
    void exitCodeAcceptance() {
        assertTrue(Command.of("true").accepts(0));
        assertFalse(Command.of("true").accepts(1));
        assertTrue(Command.builder().args("grep", "x").allowExitCodes(1).build().accepts(1));
        assertTrue(Command.builder().args("false").check(false).build().accepts(42));
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(OpsValidationException.class, () -> Command.of());
        assertThrows(OpsValidationException.class, () -> Command.builder().args("x").env("BAD-NAME", "v"));
        assertThrows(OpsValidationException.class, () -> Command.builder().args("x").timeout(Duration.ZERO).build());
    }

    @Test
    void parsesTargetsAndOptionMaps() {
        assertEquals(new SshTarget("db-1", 2222, "postgres"), SshTarget.parse("postgres@db-1:2222"));
        assertEquals(new SshTarget("::1", 22, "ops"), SshTarget.parse("ops@[::1]"));
        assertEquals("ops@[::1]:22", SshTarget.parse("ops@[::1]").toString());
        assertThrows(OpsValidationException.class, () -> SshTarget.parse("ops@db-1:http"));

        SshOptions options = SshOptions.fromMap(Map.of("identityFiles", "/keys/a,/keys/b", "hostKeyPolicy", "accept_new",
                "commandTimeout", "90s"));
        assertEquals(HostKeyPolicy.ACCEPT_NEW, options.hostKeyPolicy());
        assertEquals(2, options.identities().size());
        assertEquals(Duration.ofSeconds(90), options.commandTimeout());
        assertThrows(OpsValidationException.class, () -> SshOptions.fromMap(Map.of("identityFile", "/k")));
        assertThrows(OpsValidationException.class, () -> SshOptions.builder().build());
    }
}
