package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.WaitFailedException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.ssh.SshdLab;

/**
 * systemd does not run in this test environment (no init system in the container), so a scripted
 * {@code systemctl} on the target's PATH plays the unit manager: it records each call and moves
 * units through activating/active and deactivating/inactive in the background, like systemd does.
 */
class SystemdServiceControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static SshdLab lab;
    private static SshExecutor ssh;
    private static ServiceNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("systemctl");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "# scripted systemctl for tests: state per unit in " + dir,
                "cd " + dir,
                "echo \"$*\" >> calls.log",
                "verb=$1; unit=$(eval echo \\${$#})",
                "case \"$verb\" in",
                "  start|restart)",
                "    if [ \"$unit\" = broken ]; then echo failed > \"$unit.state\"; exit 1; fi",
                "    if [ \"$unit\" = crashing ]; then echo activating > \"$unit.state\"; (sleep 0.4; echo failed > \"$unit.state\") >/dev/null 2>&1 & exit 0; fi",
                "    echo activating > \"$unit.state\"; (sleep 0.4; echo active > \"$unit.state\") >/dev/null 2>&1 & ;;",
                "  stop) echo deactivating > \"$unit.state\"; (sleep 0.4; echo inactive > \"$unit.state\") >/dev/null 2>&1 & ;;",
                "  show)",
                "    state=$(cat \"$unit.state\" 2>/dev/null || echo inactive)",
                "    echo \"ActiveState=$state\"",
                "    if [ \"$state\" = active ]; then echo SubState=running; echo MainPID=4242; else echo SubState=dead; echo MainPID=0; fi ;;",
                "  daemon-reload) ;;",
                "  *) echo \"unsupported: $verb\" >&2; exit 2 ;;",
                "esac", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        lab = SshdLab.builder().pathPrefix(bin).start();
        ssh = Ssh.executor(LabSupport.options(lab).build());
        nodes = ServiceNodes.builder().add("os-1", LabSupport.target(lab), "opensearch")
                .add("os-2", LabSupport.target(lab), "broken").build();
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void startAndStopWaitForTheUnitStateReportedByShow() throws Exception {
        SystemdServiceControl control = SystemdServiceControl.builder(ssh, nodes).pollInterval(Duration.ofMillis(100)).build();
        assertEquals(ServiceState.INACTIVE, control.state("os-1"));

        control.start("os-1", TIMEOUT);
        SystemdUnitStatus status = control.unitStatus("os-1");
        assertEquals(new SystemdUnitStatus("active", "running", 4242), status);

        control.restart("os-1", TIMEOUT);
        assertEquals(ServiceState.ACTIVE, control.state("os-1"));
        control.stop("os-1", TIMEOUT);
        assertEquals(ServiceState.INACTIVE, control.state("os-1"));

        List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
        assertTrue(calls.contains("start opensearch"), calls.toString());
        assertTrue(calls.contains("restart opensearch"), calls.toString());
        assertTrue(calls.contains("stop opensearch"), calls.toString());
        assertTrue(calls.contains("show -p ActiveState,SubState,MainPID opensearch"), calls.toString());
    }

    @Test
    void daemonReloadRunsBeforeStartAndRestartOnlyWhenAskedFor() throws Exception {
        ServiceNodes reloaded = ServiceNodes.builder().add("os-4", LabSupport.target(lab), "reloaded-unit").build();
        SystemdServiceControl plain = SystemdServiceControl.builder(ssh, reloaded).pollInterval(Duration.ofMillis(100)).build();
        plain.start("os-4", TIMEOUT);
        assertFalse(Files.readAllLines(dir.resolve("calls.log")).contains("daemon-reload"), "no reload unless asked for");

        SystemdServiceControl reloading = SystemdServiceControl.builder(ssh, reloaded).daemonReload(true)
                .pollInterval(Duration.ofMillis(100)).build();
        reloading.restart("os-4", TIMEOUT);
        List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
        int reload = calls.lastIndexOf("daemon-reload");
        assertTrue(reload >= 0 && reload < calls.lastIndexOf("restart reloaded-unit"), calls.toString());
        plain.stop("os-4", TIMEOUT);
    }

    @Test
    void aUnitThatFailsToStartIsReportedAsFailure() {
        SystemdServiceControl control = SystemdServiceControl.builder(ssh, nodes).build();
        RemoteCommandException e = assertThrows(RemoteCommandException.class, () -> control.start("os-2", TIMEOUT));
        assertEquals(1, e.exitCode());
        assertEquals(ServiceState.FAILED, control.state("os-2"));
    }

    @Test
    void aConfiguredSystemctlPathIsUsedAndTheWaitIsBounded() throws Exception {
        // this systemctl accepts "start" without starting anything, so waiting for "active" must time out
        Path hanging = dir.resolve("bin/hanging-systemctl");
        Files.writeString(hanging, "#!/bin/sh\nif [ \"$1\" = start ]; then exit 0; fi\nexec " + dir.resolve("bin/systemctl") + " \"$@\"\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwxr-xr-x"));
        ServiceNodes idle = ServiceNodes.builder().add("idle", LabSupport.target(lab), "idle-unit").build();
        SystemdServiceControl control = SystemdServiceControl.builder(ssh, idle).systemctlPath(hanging.toString())
                .pollInterval(Duration.ofMillis(100)).build();
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> control.start("idle", Duration.ofSeconds(1)));
        assertTrue(e.attempts() >= 1);
        assertTrue(e.getMessage().contains("INACTIVE"), e.getMessage());
    }

    @Test
    void aUnitThatCrashesWhileActivatingEndsTheWaitAsFailed() {
        SystemdServiceControl control = SystemdServiceControl.builder(ssh,
                ServiceNodes.builder().add("os-3", LabSupport.target(lab), "crashing").build())
                .pollInterval(Duration.ofMillis(100)).build();
        WaitFailedException e = assertThrows(WaitFailedException.class, () -> control.start("os-3", TIMEOUT));
        assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
    }
}
