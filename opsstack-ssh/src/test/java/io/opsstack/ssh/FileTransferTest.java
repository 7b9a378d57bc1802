package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.PlanStaleException;
import io.opsstack.ssh.internal.LocalTree;
import io.opsstack.testkit.ssh.SshdLab;

/** SFTP transfers and directory sync against real sshd instances (the "remote" directories are in their work dirs). */
class FileTransferTest {
    private static SshdLab reference;
    private static SshdLab node;
    private static SshExecutor ssh;
    @TempDir
    static Path shared;

    @BeforeAll
    static void start() throws Exception {
        reference = SshdLab.start();
        node = SshdLab.start();
        Path knownHosts = shared.resolve("known_hosts");
        Files.writeString(knownHosts, Files.readString(reference.knownHostsFile()) + Files.readString(node.knownHostsFile()));
        ssh = Ssh.executor(SshOptions.builder().knownHostsFile(knownHosts)
                .identityFile(reference.clientKey()).identityFile(node.clientKey()).build());
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (reference != null) {
            reference.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void uploadAndDownloadKeepContentAndMode(@TempDir Path dir) throws Exception {
        Path local = write(dir.resolve("run.sh"), "#!/bin/sh\necho hi\n", "rwxr-x---");
        String remote = node.workDir().resolve("upload/nested/run.sh").toString();

        ssh.upload(LabSupport.target(node), local, remote);
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(remote))));
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(Path.of(remote)));
        assertEquals("hi\n", ssh.run(LabSupport.target(node), Command.of(remote)).stdout());

        Path back = dir.resolve("back/run.sh");
        ssh.download(LabSupport.target(node), remote, back);
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(back));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(back)));

        write(local, "#!/bin/sh\necho replaced\n", "rw-------");
        ssh.upload(LabSupport.target(node), local, remote);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(remote))));
        assertEquals(List.of("run.sh"), list(Path.of(remote).getParent()), "no temporary files are left behind");
    }

    @Test
    void dryRunListsEveryActionAndApplyMakesTheTargetIdentical(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("conf"));
        write(source.resolve("app.yml"), "port: 9200\n", "rw-r--r--");
        write(source.resolve("bin/start.sh"), "#!/bin/sh\n", "rwxr-xr-x");
        write(source.resolve("name with spaces's.txt"), "x", "rw-r--r--");
        Path target = node.workDir().resolve("sync-local");
        FileSync sync = FileSync.builder(ssh).source(SyncSource.local(source)).targetDirectory(target.toString()).build();

        SyncPlan first = sync.plan(LabSupport.target(node));
        assertEquals(Map.of("app.yml", SyncAction.ADD, "bin/start.sh", SyncAction.ADD, "name with spaces's.txt", SyncAction.ADD),
                actions(first));
        assertFalse(Files.exists(target), "the dry run wrote something");
        assertEquals(3, sync.apply(first).added());
        assertEquals(LocalTree.scan(source), LocalTree.scan(target));

        write(source.resolve("app.yml"), "port: 9201\n", "rw-r--r--");
        Files.setPosixFilePermissions(source.resolve("bin/start.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        write(target.resolve("stale.log"), "old", "rw-r--r--");

        SyncPlan keepExtras = sync.plan(LabSupport.target(node));
        assertEquals(Map.of("app.yml", SyncAction.UPDATE, "bin/start.sh", SyncAction.UPDATE,
                "name with spaces's.txt", SyncAction.UNCHANGED, "stale.log", SyncAction.UNCHANGED), actions(keepExtras));
        assertEquals("mode 0755 -> 0750", detail(keepExtras, "bin/start.sh"));
        assertTrue(keepExtras.render().contains("UPDATE    app.yml (content differs)"), keepExtras.render());
        sync.apply(keepExtras);
        assertTrue(Files.exists(target.resolve("stale.log")), "extras are kept unless asked");

        FileSync deleting = FileSync.builder(ssh).source(SyncSource.local(source)).targetDirectory(target.toString())
                .deleteExtras(true).build();
        SyncPlan withDelete = deleting.plan(LabSupport.target(node));
        assertEquals(Map.of("app.yml", SyncAction.UNCHANGED, "bin/start.sh", SyncAction.UNCHANGED,
                "name with spaces's.txt", SyncAction.UNCHANGED, "stale.log", SyncAction.DELETE), actions(withDelete));
        assertEquals(1, deleting.apply(withDelete).deleted());
        assertEquals(LocalTree.scan(source), LocalTree.scan(target));
        assertFalse(deleting.plan(LabSupport.target(node)).hasChanges());
    }

    @Test
    void syncsFromAReferenceHostToAnotherHost(@TempDir Path dir) throws Exception {
        Path referenceDir = reference.workDir().resolve("software");
        write(referenceDir.resolve("lib/a.jar"), "jar-bytes", "rw-r--r--");
        write(referenceDir.resolve("bin/tool"), "#!/bin/sh\n", "rwxr-xr-x");
        Path nodeDir = node.workDir().resolve("software");
        FileSync sync = FileSync.builder(ssh).source(SyncSource.remote(LabSupport.target(reference), referenceDir.toString()))
                .targetDirectory(nodeDir.toString()).build();

        SyncResult result = sync.sync(LabSupport.target(node));

        assertEquals(2, result.added());
        assertEquals(LocalTree.scan(referenceDir), LocalTree.scan(nodeDir));
    }

    @Test
    void applyRefusesAPlanWhoseSourceChangedMeanwhile(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src"));
        write(source.resolve("a.conf"), "one", "rw-r--r--");
        Path target = node.workDir().resolve("sync-stale");
        FileSync sync = FileSync.builder(ssh).source(SyncSource.local(source)).targetDirectory(target.toString()).build();
        SyncPlan plan = sync.plan(LabSupport.target(node));
        write(source.resolve("a.conf"), "two", "rw-r--r--");

        PlanStaleException e = assertThrows(PlanStaleException.class, () -> sync.apply(plan));
        assertTrue(e.getMessage().contains("a.conf"), e.getMessage());
        assertFalse(Files.exists(target.resolve("a.conf")));
    }

    private static Map<String, SyncAction> actions(SyncPlan plan) {
        return plan.entries().stream().collect(Collectors.toMap(SyncEntry::path, SyncEntry::action));
    }

    private static String detail(SyncPlan plan, String path) {
        return plan.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().detail();
    }

    private static List<String> list(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static Path write(Path file, String content, String permissions) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
