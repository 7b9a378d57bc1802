package io.opsstack.victoria.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.model.ClusterDefinition;

/** Bad backup and restore input is refused when the operation is created, before anything is read or changed. */
class BackupRequestValidationTest {
    private static VictoriaClusterOps ops;

    @BeforeAll
    static void create() {
        // nothing listens on these addresses: every check here must fail before any call is made
        ops = VictoriaClusterOps.builder().definition(ClusterDefinition.builder().name("metrics")
                .vminsert("127.0.0.1:1").vmselect("127.0.0.1:2").vmstorage("127.0.0.3:8482", "127.0.0.4:8482").build()).build();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void destinationMustBeAnAbsoluteDirectoryOrABucket() {
        for (String bad : new String[] {"", "  ", "backups/vm", "fs://backups/vm", "fs://", "fs:///", "/backups/vm",
                "s3://", "http://store/vm", "fs:///backups/../etc"}) {
            assertThrows(OpsValidationException.class, () -> VmBackupRequest.to(bad), bad);
        }
        assertEquals("fs:///backups/vm", VmBackupRequest.to("fs:///backups/vm/").destination());
        assertEquals("s3://bucket/vm", VmBackupRequest.to("s3://bucket/vm").destination());
    }

    @Test
    void flagsTheOperationSetsItselfAreRefused() {
        OpsValidationException e = assertThrows(OpsValidationException.class,
                () -> VmBackupRequest.builder().destination("fs:///b").extraFlags("-dst=fs:///other").build());
        assertTrue(e.getMessage().contains("-dst"), e.getMessage());
        assertThrows(OpsValidationException.class, () -> VmBackupRequest.builder().destination("fs:///b")
                .extraFlags("concurrency=2").build());
        assertThrows(OpsValidationException.class, () -> VmBackupRequest.builder().destination("fs:///b")
                .storageDataPath("a", "data/relative").build());
        assertThrows(OpsValidationException.class, () -> VmBackupRequest.builder().destination("fs:///b")
                .backupName("../x").build());
    }

    @Test
    void requestsRoundTripThroughScriptMaps() {
        VmBackupRequest request = VmBackupRequest.fromMap(Map.of("destination", "fs:///backups/vm", "nodes", "127.0.0.3:8482",
                "extra_flags", List.of("-concurrency=2"), "command_timeout", "30m", "backup_name", "nightly",
                "storage_data_paths", Map.of("127.0.0.3:8482", "/var/lib/vmstorage")));
        assertEquals(Duration.ofMinutes(30), request.commandTimeout());
        assertEquals(request, VmBackupRequest.fromMap(request.toMap()));
        assertThrows(OpsValidationException.class, () -> VmBackupRequest.fromMap(Map.of("destination", "fs:///b", "dst", "x")));
        VmRestoreRequest restore = VmRestoreRequest.fromMap(Map.of("manifest", manifest("127.0.0.3:8482", "127.0.0.4:8482").toJson(),
                "health_timeout", "2m"));
        assertEquals(restore, VmRestoreRequest.fromMap(restore.toMap()));
    }

    @Test
    void unknownBackupNodeIsRefused() {
        OpsValidationException e = assertThrows(OpsValidationException.class,
                () -> ops.backup(VmBackupRequest.builder().destination("fs:///b").nodes("127.0.0.9:8482").build(), new NoRunner()));
        assertTrue(e.getMessage().contains("127.0.0.9:8482"), e.getMessage());
        assertThrows(OpsValidationException.class, () -> ops.backup(VmBackupRequest.builder().destination("fs:///b")
                .storageDataPath("elsewhere", "/data").build(), new NoRunner()));
    }

    @Test
    void manifestJsonRoundTripsAndMalformedManifestsAreRefused() {
        VmBackupManifest manifest = manifest("127.0.0.3:8482", "127.0.0.4:8482");
        assertEquals(manifest, VmBackupManifest.fromJson(manifest.toJson()));
        assertThrows(OpsValidationException.class, () -> VmBackupManifest.fromJson("{not json"));
        assertThrows(OpsValidationException.class, () -> VmBackupManifest.fromJson("[]"));
        assertThrows(OpsValidationException.class, () -> VmBackupManifest.fromJson(
                manifest.toJson().replace("\"snapshot\"", "\"snap\"")));
        assertThrows(OpsValidationException.class, () -> VmBackupManifest.fromJson(
                manifest.toJson().replace("\"" + FormatVersion.CURRENT + "\"", "\"9.0\"")));
        assertThrows(OpsValidationException.class, () -> VmBackupManifest.fromJson(
                manifest.toJson().replace("127.0.0.4:8482", "127.0.0.3:8482")), "a node listed twice");
    }

    @Test
    void restoreRefusesAManifestThatDoesNotMatchTheCluster() {
        OpsValidationException unknown = assertThrows(OpsValidationException.class, () -> ops.restore(
                VmRestoreRequest.of(manifest("127.0.0.3:8482", "127.0.0.4:8482", "127.0.0.5:8482")), new NoRunner(), new NoControl()));
        assertTrue(unknown.getMessage().contains("127.0.0.5:8482"), unknown.getMessage());
        OpsValidationException missing = assertThrows(OpsValidationException.class, () -> ops.restore(
                VmRestoreRequest.of(manifest("127.0.0.3:8482")), new NoRunner(), new NoControl()));
        assertTrue(missing.getMessage().contains("no entry for vmstorage 127.0.0.4:8482"), missing.getMessage());
        assertThrows(OpsValidationException.class, () -> VmRestoreRequest.builder(manifest("127.0.0.3:8482"))
                .nodes("127.0.0.4:8482").build(), "restoring a node the manifest does not have");
    }

    private static VmBackupManifest manifest(String... nodes) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<VmBackupEntry> entries = Arrays.stream(nodes).map(node -> new VmBackupEntry(node, node,
                "20260101000000-1", "/var/lib/vmstorage", "fs:///b/" + node.replace(':', '_') + "/n", at, at.plusSeconds(5),
                616, "")).toList();
        return new VmBackupManifest(FormatVersion.CURRENT, "metrics", "n", "fs:///b", at, at.plusSeconds(5), entries);
    }

    /** A runner for operations that must never run a command. */
    private static final class NoRunner implements BackupCommandRunner {
        @Override
        public String run(String node, List<String> command, String stdin, Duration timeout) {
            throw new AssertionError("no command may run: " + command);
        }
    }

    /** A service control for operations that must never touch a service. */
    private static final class NoControl implements ServiceControl {
        @Override
        public void stop(String node, Duration timeout) {
            throw new AssertionError("no stop may happen");
        }

        @Override
        public void start(String node, Duration timeout) {
            throw new AssertionError("no start may happen");
        }

        @Override
        public ServiceState state(String node) {
            throw new AssertionError("no state may be read");
        }
    }
}
