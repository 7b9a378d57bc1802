package io.opsstack.testkit.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsstack.testkit.patroni.internal.LeftoverProcesses;

/** Start-up from a crashed run's directory and a clean close, on a one-member lab to stay fast. */
class PatroniLabLifecycleTest {

    @Test
    void endsStaleProcessesOfAnEarlierRunAndLeavesNothingBehind() {
        PatroniLab crashed = PatroniLab.builder().scope("lifecycle").members(1).build().start();
        Path directory = crashed.clusterDirectory();
        PatroniLabMember orphan = crashed.member("pg1");
        assertFalse(LeftoverProcesses.of(directory).isEmpty(), "etcd, Patroni and PostgreSQL run from the directory");

        // a second lab on the same directory, as after a JVM killed without closing its lab
        try (PatroniLab next = PatroniLab.builder().scope("lifecycle").members(1).build().start()) {
            assertEquals(directory, next.clusterDirectory());
            assertFalse(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive).orElse(false),
                    "the earlier Patroni was ended");
            assertFalse(ProcessHandle.of(orphan.postmasterPid()).map(ProcessHandle::isAlive).orElse(false),
                    "the earlier postmaster was ended");
            assertTrue(next.member("pg1").running());
        }
        List<ProcessHandle> left = LeftoverProcesses.of(directory);
        assertTrue(left.isEmpty(), "no etcd, patroni or postgres of " + directory + " left: " + left.stream()
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList());
        crashed.close();
    }
}
