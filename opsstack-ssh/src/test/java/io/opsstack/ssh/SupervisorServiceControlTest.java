package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.ssh.SshdLab;

/** A real supervisord (Debian package "supervisor") managing a python http.server, reached through a real sshd. */
class SupervisorServiceControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @TempDir
    static Path dir;
    private static SshdLab lab;
    private static SshExecutor ssh;
    private static Process supervisord;
    private static Path config;
    private static int httpPort;
    private static SupervisorServiceControl control;

    @BeforeAll
    static void start() throws Exception {
        httpPort = freePort();
        config = dir.resolve("supervisord.conf");
        Files.writeString(config, String.join("\n",
                "[unix_http_server]", "file=" + dir.resolve("supervisor.sock"),
                "[supervisord]", "logfile=" + dir.resolve("supervisord.log"), "pidfile=" + dir.resolve("supervisord.pid"),
                "childlogdir=" + dir, "nodaemon=true",
                "[rpcinterface:supervisor]", "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[supervisorctl]", "serverurl=unix://" + dir.resolve("supervisor.sock"),
                "[program:web]", "command=/usr/bin/python3 -m http.server --bind 127.0.0.1 " + httpPort,
                "directory=" + dir, "autostart=false", "startsecs=1", "stopwaitsecs=5", ""));
        supervisord = new ProcessBuilder("supervisord", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("supervisord.out").toFile()).start();
        awaitFile(dir.resolve("supervisor.sock"));
        lab = SshdLab.start();
        ssh = Ssh.executor(LabSupport.options(lab).build());
        ServiceNodes nodes = ServiceNodes.builder().add("web-1", LabSupport.target(lab), "web").build();
        control = SupervisorServiceControl.builder(ssh, nodes).configFile(config.toString())
                .pollInterval(Duration.ofMillis(200)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ssh != null) {
            ssh.close();
        }
        if (lab != null) {
            lab.close();
        }
        if (supervisord != null) {
            List<ProcessHandle> children = supervisord.descendants().collect(Collectors.toList());
            supervisord.destroy();
            if (!supervisord.waitFor(15, TimeUnit.SECONDS)) {
                supervisord.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void startsRestartsAndStopsAProgramIdempotently() {
        assertEquals(ServiceState.INACTIVE, control.state("web-1"));
        assertEquals("STOPPED", control.programStatus("web-1").state());

        control.start("web-1", TIMEOUT);
        assertEquals(ServiceState.ACTIVE, control.state("web-1"));
        assertTrue(accepts(httpPort), "http.server is not listening although supervisor reports RUNNING");
        control.start("web-1", TIMEOUT);
        String firstRun = control.programStatus("web-1").description();

        control.restart("web-1", TIMEOUT);
        SupervisorProgramStatus restarted = control.programStatus("web-1");
        assertEquals("RUNNING", restarted.state());
        assertNotEquals(pid(firstRun), pid(restarted.description()));

        control.stop("web-1", TIMEOUT);
        assertEquals(ServiceState.INACTIVE, control.state("web-1"));
        assertTrue(!accepts(httpPort), "http.server still listens after stop");
        control.stop("web-1", TIMEOUT);
    }

    @Test
    void anUnknownNodeIsAValidationError() {
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> control.state("web-9"));
        assertTrue(e.getMessage().contains("web-1"), e.getMessage());
    }

    @Test
    void parsesEveryStatusSupervisorReports() {
        assertEquals(ServiceState.ACTIVE, SupervisorProgramStatus.parse("x", "x  RUNNING   pid 1, uptime 0:00:01").serviceState());
        assertEquals(ServiceState.INACTIVE, SupervisorProgramStatus.parse("x", "x  STOPPED   Not started").serviceState());
        assertEquals(ServiceState.ACTIVATING, SupervisorProgramStatus.parse("x", "x  STARTING").serviceState());
        assertEquals(ServiceState.ACTIVATING, SupervisorProgramStatus.parse("x", "x  BACKOFF   Exited too quickly").serviceState());
        assertEquals(ServiceState.FAILED, SupervisorProgramStatus.parse("x", "x  FATAL     Exited too quickly").serviceState());
        assertEquals(ServiceState.INACTIVE, SupervisorProgramStatus.parse("x", "x  EXITED    Nov 22 02:00 AM").serviceState());
        assertEquals(ServiceState.UNKNOWN, SupervisorProgramStatus.parse("x", "x: ERROR (no such process)").serviceState());
    }

    private static String pid(String description) {
        return description.replaceAll("^pid (\\d+),.*$", "$1");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitFile(Path file) throws Exception {
        for (int i = 0; i < 400 && !Files.exists(file); i++) {
            Thread.sleep(25);
        }
        assertTrue(Files.exists(file), "supervisord did not start: " + Files.readString(dir.resolve("supervisord.out")));
    }
}
