package io.opsstack.testkit.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractionTest {

    @TempDir
    Path temp;

    @Test
    void keepsExecutableBitsAndMakesEverythingReadable() throws IOException {
        Path zip = temp.resolve("dist.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path bin = Files.createDirectories(zipFs.getPath("/opensearch-9.9.9/bin"));
            Files.writeString(bin.resolve("opensearch"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(bin.resolve("opensearch"), PosixFilePermissions.fromString("rwxr-x---"));
            Path config = Files.createDirectories(zipFs.getPath("/opensearch-9.9.9/config"));
            Files.writeString(config.resolve("jvm.options"), "-Xms1g\n");
            Files.setPosixFilePermissions(config.resolve("jvm.options"), PosixFilePermissions.fromString("rw-rw----"));
        }
        Path target = temp.resolve("cache").resolve("opensearch-9.9.9");
        Files.createDirectories(target.getParent());

        assertFalse(ZipExtraction.isComplete(target));
        ZipExtraction.extract(zip, "opensearch-9.9.9", target);

        assertTrue(ZipExtraction.isComplete(target));
        Set<PosixFilePermission> script = Files.getPosixFilePermissions(target.resolve("bin/opensearch"));
        assertTrue(script.contains(PosixFilePermission.OTHERS_EXECUTE), script.toString());
        Set<PosixFilePermission> options = Files.getPosixFilePermissions(target.resolve("config/jvm.options"));
        assertTrue(options.contains(PosixFilePermission.OTHERS_READ), options.toString());
        assertFalse(options.contains(PosixFilePermission.OTHERS_EXECUTE), options.toString());
        assertEquals("-Xms1g\n", Files.readString(target.resolve("config/jvm.options")));
        try (var leftovers = Files.list(target.getParent())) {
            assertEquals(1, leftovers.count(), "staging directory removed");
        }
    }
}
