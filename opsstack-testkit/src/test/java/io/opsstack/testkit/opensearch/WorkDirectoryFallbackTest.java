package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.testkit.internal.process.FileTrees;
import io.opsstack.testkit.internal.process.ProcessUser;
import io.opsstack.testkit.opensearch.internal.ClusterDirectory;

/** As root, nodes run as an unprivileged user; a work directory that user cannot reach is replaced. */
class WorkDirectoryFallbackTest {

    @TempDir
    Path temp;

    @Test
    void unreachableWorkDirectoryFallsBackUnderTheTemporaryDirectory() throws IOException {
        assumeTrue(ProcessUser.isRoot(), "only a root JVM switches users");
        Path privateParent = Files.createDirectories(temp.resolve("private"));
        Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));
        Path requested = privateParent.resolve("work");
        Path fallback = ClusterDirectory.fallbackFor(requested.resolve("fallback"));

        try (OpenSearchLab lab = OpenSearchLab.builder().version(LabVersions.first()).topology(LabTopology.singleNode())
                .clusterName("fallback").workDirectory(requested).build().start()) {

            assertEquals(fallback, lab.clusterDirectory());
            assertTrue(lab.node("opensearch-1").running());
        } finally {
            // The fallback's name derives from the random temporary path, so no later run would reuse it.
            FileTrees.delete(fallback.getParent());
        }
        assertEquals(List.of(), LabProcesses.under(fallback));
    }
}
