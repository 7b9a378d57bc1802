package io.opsstack.victoria.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import io.opsstack.testkit.ssh.SshdLab;

/** Flags files edited over SSH on a real OpenSSH server on loopback. */
class SshFlagFilesTest {
    private static SshdLab host;
    private static SshExecutor ssh;
    private static ServiceNodes nodes;

    @BeforeAll
    static void start() {
        host = SshdLab.start();
        ssh = Ssh.executor(SshOptions.builder().knownHostsFile(host.knownHostsFile()).identityFile(host.clientKey()).build());
        nodes = ServiceNodes.builder().add("vmselect-1", SshTarget.parse(host.target()), "vmselect").build();
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void createsAndEditsTheFileOnTheHost(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf.d").resolve("vmselect.args");
        FlagSource flags = FileFlagSource.argsFile(SshFlagFiles.of(ssh, nodes, Map.of("vmselect-1", file.toString())));

        assertEquals(Map.of(), flags.flags("vmselect-1"), "a missing file has no flags");
        flags.storageNodes("vmselect-1", List.of("a:8401", "b:8401"));
        Files.writeString(file, "# keep me\n" + Files.readString(file));
        flags.setFlag("vmselect-1", "dedup.minScrapeInterval", "1ms");

        assertEquals("# keep me\n-storageNode=a:8401,b:8401\n-dedup.minScrapeInterval=1ms\n", Files.readString(file));
        assertEquals(List.of("a:8401", "b:8401"), flags.storageNodes("vmselect-1"));
        assertTrue(flags.location("vmselect-1").endsWith(":" + file), flags.location("vmselect-1"));
    }

    @Test
    void systemdDropInsLiveBesideTheUnit() {
        String location = SshFlagFiles.systemdDropIns(ssh, nodes).location("vmselect-1");
        assertTrue(location.endsWith(":/etc/systemd/system/vmselect.service.d/opsstack-storage.conf"), location);
    }
}
