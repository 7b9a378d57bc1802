package io.opsstack.ssh.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.Command;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.testkit.ssh.SshdLab;

/** Each built-in gate against a real python http.server and a real sshd: what passes, and what a failure says. */
class HealthGateTest {
    @TempDir
    static Path dir;
    private static SshdLab lab;
    private static SshExecutor ssh;
    private static Process server;
    private static int port;
    private static ServiceNode node;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("status.json"), "{\"status\":\"green\",\"nodes\":[{\"name\":\"a\"}],\"shards\":3}");
        port = freePort();
        server = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", String.valueOf(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        lab = SshdLab.start();
        ssh = Ssh.executor(SshOptions.builder().knownHostsFile(lab.knownHostsFile()).identityFile(lab.clientKey()).build());
        node = new ServiceNode("n1", SshTarget.parse(lab.target()), "web");
        TcpHealthGate listening = TcpHealthGate.builder("listening", port).address("127.0.0.1").build();
        for (int i = 0; i < 200 && !listening.probe(node, ssh).passed(); i++) {
            Thread.sleep(25);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (ssh != null) {
            ssh.close();
        }
        if (lab != null) {
            lab.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void httpGateJudgesStatusBodyAndJsonValues() {
        String url = "http://{host}:" + port + "/status.json";
        assertTrue(probe(HttpHealthGate.builder("green", url).jsonEquals("status", "green").bodyContains("nodes").build()).passed());
        assertTrue(probe(HttpHealthGate.builder("shards", url).jsonEquals("/shards", "3").build()).passed());

        GateProbe wrongValue = probe(HttpHealthGate.builder("first-node", url).jsonEquals("nodes.0.name", "b").build());
        assertFalse(wrongValue.passed());
        assertEquals("GET http://127.0.0.1:" + port + "/status.json: nodes.0.name is \"a\", expected \"b\"", wrongValue.detail());

        GateProbe missing = probe(HttpHealthGate.builder("missing", "http://{host}:" + port + "/nope").build());
        assertFalse(missing.passed());
        assertTrue(missing.detail().contains("answered 404, expected 200"), missing.detail());
    }

    @Test
    void tcpGateSeesWhetherThePortAcceptsConnections() throws IOException {
        assertTrue(probe(TcpHealthGate.builder("http-port", port).build()).passed());
        int closed = freePort();
        GateProbe refused = probe(TcpHealthGate.builder("closed", port).port("n1", closed).build());
        assertFalse(refused.passed());
        assertTrue(refused.detail().contains("127.0.0.1:" + closed), refused.detail());
    }

    @Test
    void commandGateRunsOverSshAndReportsExitCodeAndStderr() {
        assertTrue(probe(CommandHealthGate.builder("status-file", Command.of("test", "-f", dir.resolve("status.json").toString()))
                .build()).passed());
        GateProbe failed = probe(CommandHealthGate.builder("script", Command.shell("echo not ready >&2; exit 3")).build());
        assertFalse(failed.passed());
        assertTrue(failed.detail().contains("exited 3, expected 0") && failed.detail().contains("not ready"), failed.detail());
    }

    @Test
    void gatesAreConfiguredFromScriptMapsAndRefuseTypos() {
        List<HealthGate> gates = HealthGates.fromMaps(List.of(
                Map.of("type", "http", "name", "green", "url", "http://{host}:" + port + "/status.json",
                        "jsonPath", "status", "jsonEquals", "green", "timeout", "3s", "pollInterval", "100ms"),
                Map.of("type", "tcp", "name", "port", "port", port, "nodePorts", Map.of("n9", 1)),
                Map.of("type", "command", "name", "true", "command", "true", "commandTimeout", "5s")));

        assertEquals(List.of("green", "port", "true"), gates.stream().map(HealthGate::name).toList());
        assertEquals(Duration.ofSeconds(3), gates.get(0).timeout());
        assertEquals(Duration.ofMillis(100), gates.get(0).pollInterval());
        for (HealthGate gate : gates) {
            assertTrue(probe(gate).passed(), gate.name());
            assertEquals(gate.name(), HealthGates.fromMap(gate.toMap()).name());
        }
        assertThrows(OpsValidationException.class, () -> HealthGates.fromMap(
                Map.of("type", "http", "name", "x", "url", "http://h/", "bodyContain", "ok")));
        assertThrows(OpsValidationException.class, () -> HealthGates.fromMap(Map.of("type", "ping", "name", "x")));
        assertThrows(OpsValidationException.class, () -> GateTiming.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    private static GateProbe probe(HealthGate gate) {
        return gate.probe(node, ssh);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
