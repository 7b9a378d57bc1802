package io.opsstack.victoria.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsValidationException;

class FileFlagSourceTest {

    @Test
    void argsFileChangesOneFlagAndKeepsEverythingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vminsert.args");
        Files.writeString(file, "# managed by hand\n-httpListenAddr=:8480\n-storageNode=a:8400\n-storageNode=\"b:8400\"\n"
                + "\n-replicationFactor=1\n");
        FlagSource flags = FileFlagSource.argsFile(LocalFlagFiles.of(Map.of("vminsert-1", file)));

        assertEquals(List.of("a:8400", "b:8400"), flags.storageNodes("vminsert-1"), "repeated flag read as one list");
        flags.storageNodes("vminsert-1", List.of("a:8400", "b:8400", "c:8400"));

        assertEquals("# managed by hand\n-httpListenAddr=:8480\n-storageNode=a:8400,b:8400,c:8400\n\n-replicationFactor=1\n",
                Files.readString(file));
        flags.setFlag("vminsert-1", "replicationFactor", null);
        assertEquals(Map.of("httpListenAddr", ":8480", "storageNode", "a:8400,b:8400,c:8400"), flags.flags("vminsert-1"));
    }

    @Test
    void systemdDropInIsCreatedUnderServiceAndUsesEnvironmentNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(FileFlagSource.DROP_IN_NAME);
        FlagSource flags = FileFlagSource.systemdDropIn(LocalFlagFiles.of(Map.of("vmselect-1", file)));

        flags.storageNodes("vmselect-1", List.of("a:8401", "b:8401"));
        flags.setFlag("vmselect-1", "search.maxQueryDuration", "30s");

        assertEquals("[Service]\nEnvironment=\"storageNode=a:8401,b:8401\"\nEnvironment=\"search_maxQueryDuration=30s\"\n",
                Files.readString(file));
        assertEquals(List.of("a:8401", "b:8401"), flags.storageNodes("vmselect-1"));
        assertEquals("/etc/systemd/system/vmselect.service.d/opsstack-storage.conf", FileFlagSource.dropInPath("vmselect"));
    }

    @Test
    void unknownNodeIsRefused(@TempDir Path dir) {
        FlagSource flags = FileFlagSource.argsFile(LocalFlagFiles.of(Map.of("a", dir.resolve("a"))));
        OpsValidationException e = assertThrows(OpsValidationException.class, () -> flags.flags("b"));
        assertEquals(true, e.getMessage().contains("'b'"), e.getMessage());
    }
}
