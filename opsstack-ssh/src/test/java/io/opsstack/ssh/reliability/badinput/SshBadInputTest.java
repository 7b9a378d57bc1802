package io.opsstack.ssh.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.CommandTemplateServiceControl;
import io.opsstack.ssh.FanOut;
import io.opsstack.ssh.FileSync;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.ssh.SyncSource;
import io.opsstack.ssh.rolling.RollingOps;
import io.opsstack.ssh.rolling.RollingRestartRequest;
import io.opsstack.ssh.rolling.SyncRolloutRequest;
import io.opsstack.testkit.junit.BadInput;
import io.opsstack.testkit.ssh.SshdLab;

/**
 * The bad-input table of the SSH operations against a real sshd: three services on one host
 * ({@code ctl.sh start|stop|status}, every start and stop logged), each with an {@code app} directory,
 * and a local release directory. Unknown nodes, empty values, out-of-range numbers and script maps with
 * unknown keys or wrong types are refused with an error naming the bad value, before anything runs:
 * the host's file tree (application files, service markers, the start/stop log) is exactly as before.
 */
class SshBadInputTest {
    private static final Logger LOG = LoggerFactory.getLogger(SshBadInputTest.class);
    private static final String CTL = String.join("\n",
            "#!/bin/sh",
            "cd \"$(dirname \"$0\")\" || exit 1",
            "case \"$1\" in",
            "start) echo \"$2 start\" >> ../events.log; touch running ;;",
            "stop) echo \"$2 stop\" >> ../events.log; rm -f running ;;",
            "status) [ -f running ] ;;",
            "esac",
            "");

    @TempDir
    static Path root;
    private static SshdLab host;
    private static SshExecutor ssh;
    private static ServiceNodes nodes;
    private static CommandTemplateServiceControl control;
    private static RollingOps rolling;
    private static Path release;

    @BeforeAll
    static void startHost() throws IOException {
        host = SshdLab.start();
        ssh = Ssh.executor(SshOptions.builder().knownHostsFile(host.knownHostsFile()).identityFile(host.clientKey()).build());
        ServiceNodes.Builder builder = ServiceNodes.builder();
        for (String name : List.of("svc-1", "svc-2", "svc-3")) {
            Path dir = Files.createDirectories(root.resolve(name).resolve("app"));
            Files.writeString(dir.resolve("config.txt"), "v1\n");
            Files.writeString(dir.getParent().resolve("running"), "");
            Path ctl = dir.getParent().resolve("ctl.sh");
            Files.writeString(ctl, CTL);
            Files.setPosixFilePermissions(ctl, PosixFilePermissions.fromString("rwxr-xr-x"));
            builder.add(name, SshTarget.parse(host.target()), ctl.toString());
        }
        Files.writeString(root.resolve("events.log"), "");
        release = Files.createDirectories(root.resolve("release"));
        Files.writeString(release.resolve("config.txt"), "v2\n");
        nodes = builder.build();
        control = CommandTemplateServiceControl.builder(ssh, nodes).startTemplate("{service} start {node}")
                .stopTemplate("{service} stop {node}").statusTemplate("{service} status")
                .pollInterval(Duration.ofMillis(100)).build();
        rolling = RollingOps.create(ssh, control);
    }

    @AfterAll
    static void stopHost() {
        if (ssh != null) {
            ssh.close();
        }
        if (host != null) {
            host.close();
        }
    }

    static Stream<Arguments> cases() {
        String appDir = root.resolve("{node}").resolve("app").toString();
        ServiceNodes withStranger = ServiceNodes.builder().add(nodes.get("svc-1"))
                .add("svc-9", SshTarget.parse(host.target()), root.resolve("svc-1").resolve("ctl.sh").toString()).build();
        return Stream.of(
                refused("rollingRestart", "maxUnavailable 0", "maxUnavailable",
                        () -> restart(RollingRestartRequest.builder(nodes).maxUnavailable(0).build())),
                refused("rollingRestart", "maxUnavailable 4 for 3 nodes", "maxUnavailable",
                        () -> restart(RollingRestartRequest.builder(nodes).maxUnavailable(4).build())),
                refused("rollingRestart", "zero service timeout", "serviceTimeout",
                        () -> restart(RollingRestartRequest.builder(nodes).serviceTimeout(Duration.ZERO).build())),
                refused("rollingRestart", "negative pause", "pauseBetweenHosts",
                        () -> restart(RollingRestartRequest.builder(nodes).pauseBetweenHosts(Duration.ofSeconds(-1)).build())),
                refused("rollingRestart", "no nodes", "at least one node",
                        () -> restart(RollingRestartRequest.builder(ServiceNodes.of(List.of())).build())),
                refused("rollingRestart", "a node the service control does not know", "svc-9",
                        () -> restart(RollingRestartRequest.builder(withStranger).build())),
                refused("rollingRestart", "a node mapped twice", "svc-1",
                        () -> ServiceNodes.builder().add(nodes.get("svc-1")).add(nodes.get("svc-1")).build()),
                refused("rollingRestart (map)", "unknown key", "maxUnavailible",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("maxUnavailible", 1)))),
                refused("rollingRestart (map)", "maxUnavailable: \"two\"", "maxUnavailable",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("maxUnavailable", "two")))),
                refused("rollingRestart (map)", "unknown method", "BOUNCE",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("method", "BOUNCE")))),
                refused("rollingRestart (map)", "unknown gate type", "ping",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("gates",
                                List.of(Map.of("type", "ping", "name", "up")))))),
                refused("rollingRestart (map)", "TCP gate without a port", "port",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("gates",
                                List.of(Map.of("type", "tcp", "name", "up")))))),
                refused("rollingRestart (map)", "two gates with one name", "up",
                        () -> restart(RollingRestartRequest.fromMap(nodes, Map.of("gates", List.of(
                                Map.of("type", "tcp", "name", "up", "port", 80), Map.of("type", "tcp", "name", "up", "port", 81)))))),
                refused("syncRollout", "unknown reference node", "svc-9",
                        () -> sync(SyncRolloutRequest.fromReference(nodes, "svc-9", appDir).build())),
                refused("syncRollout", "blank target directory", "target directory",
                        () -> sync(SyncRolloutRequest.fromLocal(nodes, release, " ").build())),
                refused("syncRollout", "the reference is the only node", "besides the reference",
                        () -> sync(SyncRolloutRequest.fromReference(ServiceNodes.of(List.of(nodes.get("svc-1"))), "svc-1",
                                appDir).build())),
                refused("syncRollout", "local source that does not exist", "no-such-release",
                        () -> sync(SyncRolloutRequest.fromLocal(nodes, root.resolve("no-such-release"), appDir).build())),
                refused("syncRollout (map)", "neither reference nor local source", "reference node or a local source",
                        () -> sync(SyncRolloutRequest.fromMap(nodes, Map.of("targetDirectory", appDir)))),
                refused("syncRollout (map)", "unknown key", "targetDir",
                        () -> sync(SyncRolloutRequest.fromMap(nodes, Map.of("localSource", release.toString(),
                                "targetDir", appDir)))),
                refused("syncRollout (map)", "deleteExtras: \"maybe\"", "deleteExtras",
                        () -> sync(SyncRolloutRequest.fromMap(nodes, Map.of("localSource", release.toString(),
                                "targetDirectory", appDir, "deleteExtras", "maybe")))),
                refused("FileSync", "no target directory", "target directory",
                        () -> FileSync.builder(ssh).source(SyncSource.local(release)).build()),
                refused("FanOut", "maxParallel 0", "maxParallel", () -> FanOut.builder(ssh).maxParallel(0).build()),
                refused("ServiceControl", "stop an unknown node", "svc-9", () -> control.stop("svc-9", Duration.ofSeconds(5))),
                refused("ServiceControl", "no start command template", "start",
                        () -> CommandTemplateServiceControl.builder(ssh, nodes).stopTemplate("{service} stop")
                                .statusTemplate("{service} status").build()),
                refused("SshTarget", "port 0", "port", () -> SshTarget.parse("root@127.0.0.1:0")),
                refused("SshOptions (map)", "unknown key", "known_host", () -> SshOptions.fromMap(Map.of("known_host", "/x"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedWithoutChange(String operation, String badInput, String named, Attempt attempt) throws IOException {
        HostState before = HostState.read();

        OpsException error = assertThrows(OpsValidationException.class, attempt::run);

        LOG.info("{} / {} -> {}: {}", operation, badInput, error.getClass().getSimpleName(), error.getMessage());
        assertTrue(error.getMessage().contains(named), operation + " / " + badInput + " -> " + error.getMessage());
        assertEquals(before, HostState.read(), operation + " / " + badInput + " changed the host");
    }

    private static void restart(RollingRestartRequest request) {
        BadInput.planAndApply(rolling.rollingRestart(request), Duration.ofMinutes(1));
    }

    private static void sync(SyncRolloutRequest request) {
        BadInput.planAndApply(rolling.syncRollout(request), Duration.ofMinutes(1));
    }


    private static Arguments refused(String operation, String badInput, String named, Attempt attempt) {
        return Arguments.of(operation, badInput, named, attempt);
    }

    /** One use of the SSH API with bad input. */
    interface Attempt {
        void run() throws Exception;
    }

    /**
     * Every file under the host's directory, path and content: the application files, each service's
     * {@code running} marker (what its status command reports) and the log of every start and stop.
     */
    record HostState(Map<String, String> files) {

        static HostState read() throws IOException {
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(path).toString(), Files.readString(path));
                }
            }
            return new HostState(files);
        }
    }
}
