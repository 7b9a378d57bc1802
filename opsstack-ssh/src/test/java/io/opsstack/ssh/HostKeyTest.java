package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.testkit.ssh.SshdLab;

class HostKeyTest {

    @Test
    void strictRefusesAnUnknownHostNamingItsFingerprint(@TempDir Path dir) throws Exception {
        Path emptyKnownHosts = Files.createFile(dir.resolve("known_hosts"));
        try (SshdLab lab = SshdLab.start();
             SshExecutor ssh = Ssh.executor(LabSupport.options(lab).knownHostsFile(emptyKnownHosts).build())) {
            HostKeyVerificationException e = assertThrows(HostKeyVerificationException.class,
                    () -> ssh.run(LabSupport.target(lab), Command.of("true")));
            assertFalse(e.isChanged());
            assertNull(e.expectedFingerprint());
            assertEquals(lab.hostKeyFingerprint(), e.presentedFingerprint());
            assertTrue(e.getMessage().contains("127.0.0.1:" + lab.port()), e.getMessage());
            assertEquals("", Files.readString(emptyKnownHosts), "STRICT must not record anything");
        }
    }

    @Test
    void acceptNewAppendsTheKeySoThatStrictAcceptsItAfterwards(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "# operator's file\n");
        try (SshdLab lab = SshdLab.start()) {
            try (SshExecutor tofu = Ssh.executor(LabSupport.options(lab).knownHostsFile(knownHosts)
                    .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).build())) {
                assertEquals("ok\n", tofu.run(LabSupport.target(lab), Command.of("echo", "ok")).stdout());
            }
            String recorded = Files.readString(knownHosts);
            assertTrue(recorded.startsWith("# operator's file\n"), recorded);
            assertTrue(recorded.contains(lab.hostKeyLine()), recorded);
            try (SshExecutor strict = Ssh.executor(LabSupport.options(lab).knownHostsFile(knownHosts).build())) {
                assertEquals("ok\n", strict.run(LabSupport.target(lab), Command.of("echo", "ok")).stdout());
            }
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithAcceptNew(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        SshdLab original = SshdLab.start();
        Files.copy(original.knownHostsFile(), knownHosts);
        String originalFingerprint = original.hostKeyFingerprint();
        int port = original.port();
        original.close();

        try (SshdLab reinstalled = SshdLab.builder().port(port).start();
             SshExecutor ssh = Ssh.executor(LabSupport.options(reinstalled).knownHostsFile(knownHosts)
                     .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).build())) {
            String before = Files.readString(knownHosts);
            HostKeyVerificationException e = assertThrows(HostKeyVerificationException.class,
                    () -> ssh.run(LabSupport.target(reinstalled), Command.of("true")));
            assertTrue(e.isChanged());
            assertEquals(originalFingerprint, e.expectedFingerprint());
            assertEquals(reinstalled.hostKeyFingerprint(), e.presentedFingerprint());
            assertEquals("127.0.0.1", e.host());
            assertEquals(port, e.port());
            assertTrue(e.getMessage().contains(originalFingerprint) && e.getMessage().contains(reinstalled.hostKeyFingerprint()),
                    e.getMessage());
            assertEquals(before, Files.readString(knownHosts), "a changed key must not be recorded");
        }
    }

    @Test
    void insecureAcceptAllConnectsWithoutAnyKnownHostsEntry(@TempDir Path dir) {
        try (SshdLab lab = SshdLab.start();
             SshExecutor ssh = Ssh.executor(LabSupport.options(lab).knownHostsFile(dir.resolve("none"))
                     .hostKeyPolicy(HostKeyPolicy.INSECURE_ACCEPT_ALL).build())) {
            assertEquals(0, ssh.run(LabSupport.target(lab), Command.of("true")).exitCode());
            assertFalse(Files.exists(dir.resolve("none")));
        }
    }
}
