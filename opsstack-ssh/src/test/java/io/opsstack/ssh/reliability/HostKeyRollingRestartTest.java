package io.opsstack.ssh.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandTemplateServiceControl;
import io.opsstack.ssh.HostKeyVerificationException;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.ssh.rolling.CommandHealthGate;
import io.opsstack.ssh.rolling.RollingOps;
import io.opsstack.ssh.rolling.RollingRestartRequest;
import io.opsstack.testkit.ssh.SshdLab;

/**
 * Strict host keys at the level of an operation: a rolling restart over two real sshd hosts whose
 * second host presents a key the operator's known_hosts does not hold (unknown, or changed since
 * it was recorded) is refused while planning, naming that host, and no service is touched
 * anywhere; with the recorded keys it runs.
 */
class HostKeyRollingRestartTest {

    /** Records every start and stop in {@code events.log}; {@code status} is "running" unless stopped. */
    private static final String CTL = String.join("\n",
            "#!/bin/sh",
            "cd \"$(dirname \"$0\")\" || exit 1",
            "case \"$1\" in",
            "start) rm -f \"$2.stopped\"; echo \"$2 start\" >> events.log ;;",
            "stop) touch \"$2.stopped\"; echo \"$2 stop\" >> events.log ;;",
            "status) [ ! -f \"$2.stopped\" ] ;;",
            "esac",
            "");

    @TempDir
    Path dir;
    private final List<SshdLab> hosts = new ArrayList<>();
    private Path ctl;

    @BeforeEach
    void startHosts() throws IOException {
        hosts.add(SshdLab.start());
        hosts.add(SshdLab.start());
        ctl = dir.resolve("ctl.sh");
        Files.writeString(ctl, CTL);
        Files.setPosixFilePermissions(ctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("events.log"), "");
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(SshdLab::close);
    }

    @Test
    void anUnknownHostKeyStopsTheRestartBeforeAnyServiceIsTouched() throws IOException {
        Path knownHosts = knownHosts(entry(hosts.get(0), hosts.get(0)));
        assertRefusedWithoutChange(knownHosts, false);
    }

    @Test
    void aChangedHostKeyStopsTheRestartBeforeAnyServiceIsTouched() throws IOException {
        try (SshdLab impostor = SshdLab.start()) {
            Path knownHosts = knownHosts(entry(hosts.get(0), hosts.get(0)) + "\n" + entry(hosts.get(1), impostor));
            assertRefusedWithoutChange(knownHosts, true);
        }
    }

    @Test
    void theRecordedKeysLetTheRestartRun() throws IOException {
        Path knownHosts = knownHosts(entry(hosts.get(0), hosts.get(0)) + "\n" + entry(hosts.get(1), hosts.get(1)));
        try (SshExecutor ssh = Ssh.executor(options(knownHosts))) {
            Operation<Void> restart = restart(ssh);
            ApplyOptions options = ApplyOptions.builder().journalDirectory(dir.resolve("journal")).build();
            assertEquals(OperationStatus.SUCCEEDED, restart.apply(restart.plan(), options).status());
        }
        assertEquals(List.of("web-1 stop", "web-1 start", "web-2 stop", "web-2 start"),
                Files.readAllLines(dir.resolve("events.log")));
    }

    /** The plan already reads every node's service state over SSH, so the refusal comes before any apply. */
    private void assertRefusedWithoutChange(Path knownHosts, boolean changed) throws IOException {
        String knownBefore = Files.readString(knownHosts);
        try (SshExecutor ssh = Ssh.executor(options(knownHosts))) {
            Operation<Void> restart = restart(ssh);
            HostKeyVerificationException refused = assertThrows(HostKeyVerificationException.class, restart::plan);
            assertEquals(hosts.get(1).port(), refused.port(), refused.getMessage());
            assertEquals(changed, refused.isChanged(), refused.getMessage());
            assertEquals(hosts.get(1).hostKeyFingerprint(), refused.presentedFingerprint());
        }
        assertEquals("", Files.readString(dir.resolve("events.log")), "no service was stopped or started");
        assertEquals(knownBefore, Files.readString(knownHosts), "STRICT records nothing");
    }

    private Operation<Void> restart(SshExecutor ssh) {
        ServiceNodes.Builder nodes = ServiceNodes.builder();
        for (int i = 0; i < hosts.size(); i++) {
            nodes.add("web-" + (i + 1), SshTarget.parse(hosts.get(i).target()), ctl.toString());
        }
        CommandTemplateServiceControl control = CommandTemplateServiceControl.builder(ssh, nodes.build())
                .startTemplate("{service} start {node}")
                .stopTemplate("{service} stop {node}")
                .statusTemplate("{service} status {node}")
                .pollInterval(Duration.ofMillis(100))
                .build();
        CommandHealthGate reachable = CommandHealthGate.builder("reachable", Command.of("true"))
                .timing(Duration.ofSeconds(2), Duration.ofMillis(200)).build();
        return RollingOps.create(ssh, control).rollingRestart(
                RollingRestartRequest.builder(nodes.build()).gate(reachable).clusterName("host-keys").build());
    }

    /** STRICT is the default policy: only the known_hosts file and the client key are given. */
    private SshOptions options(Path knownHosts) {
        SshOptions.Builder options = SshOptions.builder().knownHostsFile(knownHosts);
        hosts.forEach(host -> options.identityFile(host.clientKey()));
        return options.build();
    }

    /** A known_hosts line recording {@code keyOf}'s host key for {@code host}'s address. */
    private static String entry(SshdLab host, SshdLab keyOf) {
        return "[127.0.0.1]:" + host.port() + " " + keyOf.hostKeyLine();
    }

    private Path knownHosts(String lines) throws IOException {
        return Files.writeString(dir.resolve("known_hosts"), lines + "\n");
    }
}
