package io.opsstack.victoria.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.junit.BadInput;
import io.opsstack.testkit.service.RecordingServiceControl;
import io.opsstack.testkit.victoria.SimulatedNode;
import io.opsstack.testkit.victoria.VmClusterSimulator;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.AddStorageNodeRequest;
import io.opsstack.victoria.ops.FileFlagSource;
import io.opsstack.victoria.ops.FlagSource;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.LocalFlagFiles;
import io.opsstack.victoria.ops.RemoveStorageNodeRequest;
import io.opsstack.victoria.ops.RolloutSettings;
import io.opsstack.victoria.ops.VmRollingRestartRequest;
import io.opsstack.victoria.ops.backup.BackupCommandRunner;
import io.opsstack.victoria.ops.backup.VmBackupManifest;
import io.opsstack.victoria.ops.backup.VmBackupRequest;
import io.opsstack.victoria.ops.backup.VmRestoreRequest;

/**
 * The bad-input table of the VictoriaMetrics cluster operations against {@link VmClusterSimulator} — a
 * <b>simulated</b> cluster (real child processes and TCP, not the real binaries; no real cluster can run
 * here): unknown or wrong-component nodes, a removal that breaks the {@code 2·RF−1} rule, malformed
 * backup destinations and manifests, out-of-range timeouts and script maps with unknown keys or wrong
 * types are refused with an error naming the bad value, before anything runs. Every node's flags file
 * and service state are exactly as before, and no service call or backup command was made.
 */
class VictoriaBadInputTest {
    private static final Logger LOG = LoggerFactory.getLogger(VictoriaBadInputTest.class);

    private static VmClusterSimulator sim;
    private static VictoriaClusterOps ops;
    private static FlagSource flags;
    private static final Calls calls = new Calls();

    @BeforeAll
    static void startSimulator() {
        sim = VmClusterSimulator.builder().name("badinput").storageNodes(3).insertNodes(1).selectNodes(1).replicationFactor(2)
                .build().start();
        Map<String, Path> files = new LinkedHashMap<>();
        sim.nodes().forEach(node -> files.put(node.name(), sim.flagsFile(node.name())));
        flags = FileFlagSource.argsFile(LocalFlagFiles.of(files));
        ops = VictoriaClusterOps.fromMap(sim.definitionMap());
    }

    @AfterAll
    static void stopSimulator() {
        if (ops != null) {
            ops.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @AfterEach
    void nothingWasRunOnTheNodes() {
        assertEquals(List.of(), calls.calls(), "a refused operation called a service or ran a backup command");
    }

    static Stream<Arguments> cases() {
        StorageNode member = ops.definition().vmstorage().get(0);
        return Stream.of(
                refused("rollingRestart", "unknown node", OpsValidationException.class, "vmstorage-9",
                        () -> ops.rollingRestart(VmRollingRestartRequest.builder().nodes("vmstorage-9").build(), calls)),
                refused("rollingRestart", "a node of a component left out", OpsValidationException.class, "vminsert-1",
                        () -> ops.rollingRestart(VmRollingRestartRequest.builder().components(ComponentType.VMSTORAGE)
                                .nodes("vminsert-1").build(), calls)),
                refused("rollingRestart", "no component", OpsValidationException.class, "at least one component",
                        () -> ops.rollingRestart(VmRollingRestartRequest.builder().components(List.of()).build(), calls)),
                refused("rollingRestart", "single-node gate profile for vmselect", OpsValidationException.class,
                        "single_node_standin", () -> ops.rollingRestart(VmRollingRestartRequest.builder()
                                .gateProfile(GateProfile.SINGLE_NODE_STANDIN).build(), calls)),
                refused("rollingRestart", "zero service timeout", OpsValidationException.class, "serviceTimeout",
                        () -> ops.rollingRestart(VmRollingRestartRequest.builder().settings(RolloutSettings.builder()
                                .serviceTimeout(Duration.ZERO).build()).build(), calls)),
                refused("rollingRestart", "negative rerouting window", OpsValidationException.class, "reroutingWindow",
                        () -> ops.rollingRestart(VmRollingRestartRequest.builder().settings(RolloutSettings.builder()
                                .reroutingWindow(Duration.ofSeconds(-1)).build()).build(), calls)),
                refused("rollingRestart (map)", "component vmagent", OpsValidationException.class, "vmagent",
                        () -> ops.rollingRestart(VmRollingRestartRequest.fromMap(Map.of("components", List.of("vmagent"))),
                                calls)),
                refused("rollingRestart (map)", "unknown key", OpsValidationException.class, "node",
                        () -> ops.rollingRestart(VmRollingRestartRequest.fromMap(Map.of("node", "vmstorage-1")), calls)),
                refused("rollingRestart (map)", "gate_profile: fast", OpsValidationException.class, "fast",
                        () -> ops.rollingRestart(VmRollingRestartRequest.fromMap(Map.of("gate_profile", "fast")), calls)),
                refused("addStorageNode", "a node that is already a member", OpsValidationException.class, member.name(),
                        () -> ops.addStorageNode(AddStorageNodeRequest.of(member), calls, flags)),
                refused("addStorageNode (map)", "no node", OpsValidationException.class, "node",
                        () -> ops.addStorageNode(AddStorageNodeRequest.fromMap(Map.of("gate_timeout", "1m")), calls, flags)),
                refused("removeStorageNode", "unknown node", OpsValidationException.class, "nope",
                        () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromVminsert("nope"), calls, flags)),
                refused("removeStorageNode", "a vminsert node", OpsValidationException.class, "vminsert-1",
                        () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromVminsert("vminsert-1"), calls, flags)),
                refused("removeStorageNode", "RF=2 with 3 storage nodes (2·RF−1 rule)", UnsafeOperationException.class,
                        "replication-factor-kept", () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromVminsert(member.name()),
                                calls, flags)),
                refused("removeStorageNode (map)", "phase: sideways", OpsValidationException.class, "sideways",
                        () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromMap(Map.of("node", member.name(),
                                "phase", "sideways")), calls, flags)),
                refused("removeStorageNode (map)", "from_vmselect without the first phase's time", OpsValidationException.class,
                        "removedFromVminsertAt", () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromMap(Map.of("node",
                                member.name(), "phase", "from_vmselect")), calls, flags)),
                refused("removeStorageNode (map)", "removed_from_vminsert_at: yesterday", OpsValidationException.class,
                        "removed_from_vminsert_at", () -> ops.removeStorageNode(RemoveStorageNodeRequest.fromMap(Map.of("node",
                                member.name(), "phase", "from_vmselect", "removed_from_vminsert_at", "yesterday")), calls, flags)),
                refused("backup", "unknown node", OpsValidationException.class, "vmstorage-9",
                        () -> ops.backup(VmBackupRequest.builder().destination("fs:///backups/vm").nodes(List.of("vmstorage-9"))
                                .build(), calls)),
                refused("backup", "relative fs destination", OpsValidationException.class, "fs://backups",
                        () -> ops.backup(VmBackupRequest.to("fs://backups/vm"), calls)),
                refused("backup", "a node named twice", OpsValidationException.class, "repeat",
                        () -> ops.backup(VmBackupRequest.builder().destination("fs:///backups/vm")
                                .nodes(List.of(member.name(), member.name())).build(), calls)),
                refused("backup (map)", "unknown key", OpsValidationException.class, "dest",
                        () -> ops.backup(VmBackupRequest.fromMap(Map.of("dest", "fs:///backups/vm")), calls)),
                refused("backup (map)", "command_timeout: forever", OpsValidationException.class, "command_timeout",
                        () -> ops.backup(VmBackupRequest.fromMap(Map.of("destination", "fs:///backups/vm",
                                "command_timeout", "forever")), calls)),
                refused("restore", "manifest of other nodes", OpsValidationException.class, "vmstorage-9",
                        () -> ops.restore(VmRestoreRequest.of(manifestOf("vmstorage-9")), calls, calls)),
                refused("restore (map)", "no manifest", OpsValidationException.class, "manifest",
                        () -> ops.restore(VmRestoreRequest.fromMap(Map.of()), calls, calls)),
                refused("VictoriaClusterOps.fromMap", "unknown key", OpsValidationException.class, "vmstorages",
                        () -> VictoriaClusterOps.fromMap(Map.of("vmstorages", List.of("127.0.0.1:8482")))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedWithoutChange(String operation, String badInput, Class<? extends OpsException> expected, String named,
                              Attempt attempt) throws IOException {
        NodesState before = NodesState.read();

        OpsException error = assertThrows(expected, attempt::run);

        String message = error instanceof UnsafeOperationException unsafe
                ? unsafe.guard() + ": " + unsafe.guardReason() : error.getMessage();
        LOG.info("{} / {} -> {}: {}", operation, badInput, error.getClass().getSimpleName(), message);
        assertTrue(message.contains(named), operation + " / " + badInput + " -> " + message);
        assertEquals(before, NodesState.read(), operation + " / " + badInput + " changed a node");
    }


    private static Arguments refused(String operationName, String badInput, Class<? extends OpsException> expected,
                                     String named, OperationCall call) {
        return Arguments.of(operationName, badInput, expected, named, (Attempt) () -> {
            Object built = call.operation();
            if (built instanceof Operation<?> op) {
                BadInput.planAndApply(op, Duration.ofMinutes(1));
            }
        });
    }

    /** A manifest whose only entry is {@code node}. */
    private static VmBackupManifest manifestOf(String node) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("node", node);
        entry.put("http", "127.0.0.1:1");
        entry.put("snapshot", "s1");
        entry.put("storage_data_path", "/var/lib/vmstorage");
        entry.put("destination", "fs:///backups/vm/" + node + "/b1");
        entry.put("started_at", Instant.EPOCH.toString());
        entry.put("finished_at", Instant.EPOCH.toString());
        entry.put("size_bytes", 0L);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format_version", "1.0");
        manifest.put("cluster", "other");
        manifest.put("backup_name", "b1");
        manifest.put("destination", "fs:///backups/vm");
        manifest.put("started_at", Instant.EPOCH.toString());
        manifest.put("finished_at", Instant.EPOCH.toString());
        manifest.put("nodes", List.of(entry));
        return VmBackupManifest.fromMap(manifest);
    }

    /** Builds the operation (or other value) under test; building may already refuse the input. */
    interface OperationCall {
        Object operation();
    }

    /** One use of the API with bad input. */
    interface Attempt {
        void run();
    }

    /** Every node's flags file and service state. */
    record NodesState(Map<String, String> flagsFiles, Map<String, ServiceState> services) {

        static NodesState read() throws IOException {
            Map<String, String> files = new TreeMap<>();
            Map<String, ServiceState> services = new TreeMap<>();
            for (SimulatedNode node : sim.nodes()) {
                files.put(node.name(), Files.readString(sim.flagsFile(node.name())));
                services.put(node.name(), sim.state(node.name()));
            }
            return new NodesState(files, services);
        }
    }

    /** A service control and backup command runner that only record what they were asked: refusals must ask nothing. */
    static final class Calls extends RecordingServiceControl implements BackupCommandRunner {
        Calls() {
            super(node -> sim.state(node));
        }

        @Override
        public String run(String node, List<String> command, String stdin, Duration timeout) {
            record(node + ": " + String.join(" ", command));
            return "";
        }
    }
}
