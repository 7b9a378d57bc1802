package io.opsstack.ssh.rolling;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.CommandTemplateServiceControl;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.testkit.ssh.SshdLab;

/**
 * Three "hosts": each a real sshd on loopback and a directory with a {@code python3 -m http.server}
 * service controlled by {@code ctl.sh start|stop|status} through {@link CommandTemplateServiceControl}.
 * The server serves the host's {@code app/} directory (with a {@code health} file saying "ok") on the
 * port written in the host's {@code port} file, read at each start; every start and stop is appended
 * to a shared {@code events.log}.
 */
final class WebHosts implements AutoCloseable {
    static final Duration GATE_TIMEOUT = Duration.ofSeconds(3);
    static final String GATE = "http-ok";
    private static final String CTL = String.join("\n",
            "#!/bin/sh",
            "cd \"$(dirname \"$0\")\" || exit 1",
            // a killed server is an orphan whose zombie may linger until PID 1 reaps it: not running
            "running() { [ -f pid ] && kill -0 \"$(cat pid)\" 2>/dev/null"
                    + " && ! grep -qs '^State:[[:space:]]*Z' \"/proc/$(cat pid)/status\"; }",
            "case \"$1\" in",
            "start)",
            "  running && exit 0",
            "  echo \"$2 start\" >> ../events.log",
            "  (cd app && exec setsid python3 -m http.server --bind 127.0.0.1 \"$(cat ../port)\" > ../server.log 2>&1 < /dev/null) &",
            "  echo $! > pid ;;",
            "stop)",
            "  running || exit 0",
            "  echo \"$2 stop\" >> ../events.log",
            "  kill \"$(cat pid)\"",
            "  for i in $(seq 1 100); do running || break; sleep 0.05; done",
            "  rm -f pid ;;",
            "status)",
            "  running ;;",
            "esac",
            "");

    final Path root;
    final List<SshdLab> labs = new ArrayList<>();
    final List<String> names = List.of("web-1", "web-2", "web-3");
    final List<Integer> ports = new ArrayList<>();
    final SshExecutor ssh;
    final ServiceNodes nodes;
    final ServiceControl control;

    WebHosts(Path root) throws IOException {
        this.root = root;
        Path knownHosts = Files.createFile(root.resolve("known_hosts"));
        SshOptions.Builder options = SshOptions.builder().knownHostsFile(knownHosts);
        ServiceNodes.Builder nodeMap = ServiceNodes.builder();
        try {
            for (String name : names) {
                SshdLab lab = SshdLab.start();
                labs.add(lab);
                Files.writeString(knownHosts, Files.readString(lab.knownHostsFile()), StandardOpenOption.APPEND);
                options.identityFile(lab.clientKey());
                Path host = Files.createDirectories(root.resolve(name).resolve("app"));
                Files.writeString(host.resolve("health"), "ok\n");
                Files.writeString(host.resolve("version.txt"), "v1\n");
                int port = freePort();
                ports.add(port);
                Files.writeString(root.resolve(name).resolve("port"), port + "\n");
                Path ctl = root.resolve(name).resolve("ctl.sh");
                Files.writeString(ctl, CTL);
                Files.setPosixFilePermissions(ctl, PosixFilePermissions.fromString("rwxr-xr-x"));
                nodeMap.add(name, SshTarget.parse(lab.target()), ctl.toString());
            }
        } catch (IOException | RuntimeException e) {
            labs.forEach(SshdLab::close);
            throw e;
        }
        this.ssh = Ssh.executor(options.build());
        this.nodes = nodeMap.build();
        this.control = CommandTemplateServiceControl.builder(ssh, nodes)
                .startTemplate("{service} start {node}")
                .stopTemplate("{service} stop {node}")
                .statusTemplate("{service} status")
                .pollInterval(Duration.ofMillis(100))
                .build();
    }

    /** GET /health on each node's own port must answer 200 with "ok". */
    HttpHealthGate httpGate() {
        HttpHealthGate.Builder gate = HttpHealthGate.builder(GATE, null).bodyContains("ok")
                .timing(GATE_TIMEOUT, Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(2));
        for (int i = 0; i < names.size(); i++) {
            gate.url(names.get(i), "http://127.0.0.1:" + ports.get(i) + "/health");
        }
        return gate.build();
    }

    /** Every host on its own port, running and healthy, with an empty event log. */
    void reset() throws Exception {
        for (int i = 0; i < names.size(); i++) {
            Files.writeString(root.resolve(names.get(i)).resolve("port"), ports.get(i) + "\n");
            Files.writeString(root.resolve(names.get(i)).resolve("app").resolve("version.txt"), "v1\n");
            Files.writeString(root.resolve(names.get(i)).resolve("app").resolve("health"), "ok\n");
            ctl(names.get(i), "stop");
            ctl(names.get(i), "start");
        }
        Files.writeString(root.resolve("events.log"), "");
        for (String name : names) {
            awaitHealthy(name);
        }
    }

    /** Makes the next start of the node listen on a port nobody checks (a bad configuration change). */
    void breakNextStart(String name) throws IOException {
        Files.writeString(root.resolve(name).resolve("port"), freePort() + "\n");
    }

    /** The operator's fix: the right port again, and the service restarted by hand. */
    void repair(String name) throws Exception {
        Files.writeString(root.resolve(name).resolve("port"), ports.get(names.indexOf(name)) + "\n");
        restartByHand(name);
        awaitHealthy(name);
    }

    void restartByHand(String name) throws IOException {
        ctl(name, "stop");
        ctl(name, "start");
    }

    List<String> events() throws IOException {
        return Files.readAllLines(root.resolve("events.log"));
    }

    void clearEvents() throws IOException {
        Files.writeString(root.resolve("events.log"), "");
    }

    String pid(String name) throws IOException {
        return Files.readString(root.resolve(name).resolve("pid")).trim();
    }

    Path app(String name) {
        return root.resolve(name).resolve("app");
    }

    @Override
    public void close() throws IOException {
        try {
            for (String name : names) {
                ctl(name, "stop");
            }
        } finally {
            ssh.close();
            labs.forEach(SshdLab::close);
        }
    }

    private void awaitHealthy(String name) throws InterruptedException {
        HttpHealthGate gate = httpGate();
        for (int i = 0; i < 100; i++) {
            if (gate.probe(nodes.get(name), ssh).passed()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " did not become healthy: " + gate.probe(nodes.get(name), ssh).detail());
    }

    private void ctl(String name, String verb) throws IOException {
        Process process = new ProcessBuilder(root.resolve(name).resolve("ctl.sh").toString(), verb, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ctl.sh " + verb + " " + name + " did not finish");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for ctl.sh " + verb + " " + name, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
