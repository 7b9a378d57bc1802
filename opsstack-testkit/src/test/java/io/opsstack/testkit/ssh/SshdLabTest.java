package io.opsstack.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SshdLabTest {

    @Test
    void twoInstancesAcceptTheirClientKeyAndVerifyAgainstTheirKnownHostsFile() throws Exception {
        try (SshdLab first = SshdLab.start(); SshdLab second = SshdLab.start()) {
            assertNotEquals(first.port(), second.port());
            assertEquals("hello from " + first.port(), ssh(first, "echo hello from " + first.port()));
            assertEquals("hello from " + second.port(), ssh(second, "echo hello from " + second.port()));
            assertEquals(second.workDir().toString(), ssh(second, "echo $HOME"), "the user's own start-up files must not run");
            String knownHosts = Files.readString(first.knownHostsFile(), StandardCharsets.UTF_8);
            assertTrue(knownHosts.startsWith("[127.0.0.1]:" + first.port() + " ssh-ed25519 "), knownHosts);
            assertTrue(first.hostKeyFingerprint().startsWith("SHA256:"));
        }
    }

    @Test
    void closeLeavesNoProcessesListeningPortOrDirectoryBehind() throws Exception {
        SshdLab lab = SshdLab.start();
        Process sleeper = sshProcess(lab, "sleep 300");
        List<ProcessHandle> tree;
        try {
            tree = awaitDescendants(lab, sleeper);
        } catch (AssertionError | Exception e) {
            lab.close();
            sleeper.destroyForcibly();
            throw e;
        }
        assertTrue(tree.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 300")),
                () -> "expected the remote sleep among " + describe(tree));

        lab.close();

        ProcessHandle.of(lab.pid()).ifPresent(sshd -> assertTrue(exits(sshd), "sshd still alive"));
        for (ProcessHandle process : tree) {
            assertTrue(exits(process), () -> "left behind: " + describe(List.of(process)));
        }
        assertFalse(accepts(lab.port()), "port " + lab.port() + " still accepts connections");
        assertFalse(Files.exists(lab.workDir()));
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS), "the client did not notice the server going away");
    }

    private static List<ProcessHandle> awaitDescendants(SshdLab lab, Process client) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<ProcessHandle> tree = ProcessHandle.of(lab.pid()).orElseThrow().descendants().collect(Collectors.toList());
            if (tree.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep"))) {
                return tree;
            }
            if (!client.isAlive()) {
                throw new AssertionError("ssh exited with " + client.exitValue() + ": "
                        + new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the remote command did not start");
    }

    /** Killed processes may take a moment to be reaped. */
    private static boolean exits(ProcessHandle process) {
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.joining(", "));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String ssh(SshdLab lab, String command) throws Exception {
        Process process = sshProcess(lab, command);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static Process sshProcess(SshdLab lab, String command) throws IOException {
        Process process = new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + lab.knownHostsFile(),
                "-i", lab.clientKey().toString(), "-p", String.valueOf(lab.port()),
                lab.user() + "@127.0.0.1", command)
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }
}
