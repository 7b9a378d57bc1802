package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.ssh.SshdLab;

class CommandTemplateServiceControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static SshdLab lab;
    private static SshExecutor ssh;

    @BeforeAll
    static void start() {
        lab = SshdLab.start();
        ssh = Ssh.executor(LabSupport.options(lab).build());
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void runsTheTemplatesWithQuotedPlaceholdersAndJudgesStatusByExitCode() throws Exception {
        ServiceNodes nodes = ServiceNodes.builder().add("kafka 1", LabSupport.target(lab), "kafka").build();
        CommandTemplateServiceControl control = CommandTemplateServiceControl.builder(ssh, nodes)
                .startTemplate("echo started {node} >> " + dir.resolve("log") + "; touch " + dir + "/{service}.running")
                .stopTemplate("rm -f " + dir + "/{service}.running")
                .statusTemplate("test -e " + dir + "/{service}.running")
                .pollInterval(Duration.ofMillis(100)).build();

        assertEquals(ServiceState.INACTIVE, control.state("kafka 1"));
        control.start("kafka 1", TIMEOUT);
        assertEquals(ServiceState.ACTIVE, control.state("kafka 1"));
        assertEquals("started kafka 1\n", Files.readString(dir.resolve("log")));
        control.restart("kafka 1", TIMEOUT);
        assertEquals(ServiceState.ACTIVE, control.state("kafka 1"));
        control.stop("kafka 1", TIMEOUT);
        assertEquals(ServiceState.INACTIVE, control.state("kafka 1"));
        assertFalse(Files.exists(dir.resolve("kafka.running")));
        assertTrue(Files.readString(dir.resolve("log")).lines().count() == 2, "restart is stop then start");
    }
}
