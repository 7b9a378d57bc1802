package io.opsstack.victoria.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.testkit.ssh.SshdLab;
import io.opsstack.testkit.victoria.VictoriaLab;
import io.opsstack.victoria.InstantQuery;
import io.opsstack.victoria.SeriesMatch;
import io.opsstack.victoria.UrlLayouts;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmInsertClient;
import io.opsstack.victoria.VmSelectClient;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.QuerySeries;
import io.opsstack.victoria.model.StorageNode;

/**
 * Backup and restore end to end on real 1.79.5 processes: a single-node victoria-metrics serves the
 * same {@code /snapshot/*} API as vmstorage; the real vmbackup and vmrestore run over SSH through a
 * real OpenSSH sshd on loopback (logging in as the test's own OS user, who owns the data directory).
 */
class BackupRestoreLabTest {
    private static final String NODE = VictoriaLab.SERVER;
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    private static final int SERIES = 4;
    private static final int POINTS = 20;

    private static VictoriaLab lab;
    private static SshdLab host;
    private static SshExecutor ssh;
    private static VictoriaClusterOps ops;
    private static VmInsertClient insert;
    private static VmSelectClient select;
    private static BackupCommandRunner runner;
    private static Path backups;

    @BeforeAll
    static void start() throws IOException {
        lab = VictoriaLab.builder().name("backup").vmagent(false).vmauth(false).startTimeout(Duration.ofSeconds(90)).build()
                .start();
        host = SshdLab.start();
        ssh = Ssh.executor(SshOptions.builder().knownHostsFile(host.knownHostsFile()).identityFile(host.clientKey()).build());
        runner = SshBackupCommandRunner.create(ssh, ServiceNodes.builder()
                .add(NODE, SshTarget.parse(host.target()), "victoria-metrics").build());
        String address = lab.serverUrl().substring("http://".length());
        // the single-node server stands in for one vmstorage (and answers as vminsert/vmselect too)
        ops = VictoriaClusterOps.builder().definition(ClusterDefinition.builder().name("lab")
                .vminsert(address).vmselect(address)
                .vmstorage(new StorageNode(NODE, address, 8400, 8401, "127.0.0.1", "victoria-metrics")).build()).build();
        HttpClientOptions options = HttpClientOptions.builder().endpoints(lab.serverUrl()).build();
        insert = VmInsertClient.create(options, UrlLayouts.singleNode());
        select = VmSelectClient.create(options, UrlLayouts.singleNode());
        backups = Files.createDirectories(lab.directory().resolve("backups"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {insert, select, ops, ssh, host, lab}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void backupThenRestoreBringsEverySampleBackAndDropsLaterWrites() throws IOException {
        insert.importPrometheus(samples("backed_up"));
        ops.vmstorage(NODE).forceFlush();
        Map<String, Integer> written = counts("backed_up");
        assertEquals(SERIES, written.size());
        assertTrue(written.values().stream().allMatch(count -> count == POINTS), written.toString());

        Operation<VmBackupManifest> backup = ops.backup(VmBackupRequest.builder().destination("fs://" + backups)
                .backupName("nightly").build(), runner);
        Plan plan = backup.plan();
        String rendered = plan.render();
        assertTrue(rendered.contains("-storageDataPath=" + lab.serverDataDirectory()), rendered);
        assertTrue(rendered.contains("-dst=fs://" + backups + "/victoria-metrics/nightly"), rendered);
        assertEquals(List.of("snapshot-" + NODE, "backup-" + NODE, "delete-snapshot-" + NODE, "manifest"),
                plan.steps().stream().map(step -> step.id()).toList());

        OperationResult<VmBackupManifest> result = backup.apply(plan, options());
        assertEquals(OperationStatus.SUCCEEDED, result.status());
        VmBackupManifest manifest = result.optionalValue().orElseThrow();
        VmBackupEntry entry = manifest.entry(NODE);
        assertTrue(entry.sizeBytes() > 0, "vmbackup reports the bytes it wrote: " + entry);
        assertEquals(lab.serverDataDirectory().toString(), entry.storageDataPath());
        assertEquals(List.of(), ops.vmstorage(NODE).listSnapshots(), "the snapshot is deleted after the backup");
        Path manifestFile = backups.resolve("manifests/nightly.json");
        assertEquals(manifest, VmBackupManifest.fromJson(Files.readString(manifestFile, StandardCharsets.UTF_8)));
        assertTrue(Files.exists(backups.resolve("victoria-metrics/nightly/backup_complete.ignore")));

        // change the data after the backup: one sample series deleted, one new series written
        select.deleteSeries(SeriesMatch.of("backed_up{series=\"0\"}"));
        insert.importPrometheus("written_after_backup{n=\"1\"} 1 " + BASE.plusSeconds(60).toEpochMilli() + "\n");
        ops.vmstorage(NODE).forceFlush();
        assertEquals(SERIES - 1, counts("backed_up").size());

        Operation<Void> restore = ops.restore(VmRestoreRequest.builder(VmBackupManifest.fromJson(
                Files.readString(manifestFile, StandardCharsets.UTF_8))).healthTimeout(Duration.ofMinutes(2)).build(),
                runner, lab.serviceControl());
        Plan restorePlan = restore.plan();
        assertTrue(restorePlan.render().contains("-src=fs://" + backups + "/victoria-metrics/nightly"), restorePlan.render());
        assertEquals(OperationStatus.SUCCEEDED, restore.apply(restorePlan, options()).status());

        assertEquals(written, counts("backed_up"), "every sample is back");
        assertEquals(Map.of(), counts("written_after_backup"), "the data directory was replaced by the backup");
    }

    @Test
    void aFailedBackupDeletesItsSnapshot() {
        Operation<VmBackupManifest> backup = ops.backup(VmBackupRequest.builder().destination("fs://" + backups)
                .backupName("broken").vmbackupCommand("/nonexistent/vmbackup").build(), runner);
        assertThrows(OpsException.class, () -> backup.apply(backup.plan(), options()));
        assertEquals(List.of(), ops.vmstorage(NODE).listSnapshots(), "the cleanup deleted the snapshot");
        assertFalse(Files.exists(backups.resolve("manifests/broken.json")));
    }

    private static ApplyOptions options() {
        return ApplyOptions.builder().journal(new InMemoryJournal()).timeout(Duration.ofMinutes(5)).build();
    }

    private static String samples(String metric) {
        StringBuilder text = new StringBuilder();
        for (int series = 0; series < SERIES; series++) {
            for (int point = 0; point < POINTS; point++) {
                text.append(metric).append("{series=\"").append(series).append("\"} ").append(series * 1000 + point).append(' ')
                        .append(BASE.plusSeconds(15L * point).toEpochMilli()).append('\n');
            }
        }
        return text.toString();
    }

    /** Samples per series (by its {@code series} label), counted by the server over the written range. */
    private static Map<String, Integer> counts(String metric) {
        Map<String, Integer> counts = new TreeMap<>();
        for (QuerySeries series : select.query(InstantQuery.builder()
                .query("count_over_time(" + metric + "[1h])").time(BASE.plus(Duration.ofMinutes(40))).build()).vector()) {
            counts.put(series.metric().getOrDefault("series", series.metric().getOrDefault("n", "")), (int) series.lastValue());
        }
        return counts;
    }
}
