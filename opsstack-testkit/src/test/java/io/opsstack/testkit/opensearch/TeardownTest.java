package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.junit.SharedLabConfig;
import io.opsstack.testkit.junit.SharedLabs;

/** No lab process outlives its lab: after close, a failed start, a failing test, and a JVM that never closed it. */
class TeardownTest {

    private static final String SCENARIO_PROPERTY = "opsstack.lab.test.failingScenario";

    @BeforeAll
    static void freeTheCoresForSingleNodeLabs() {
        SharedLabs.closeAll();
    }

    @Test
    void closeEndsEveryProcessOfTheLab() {
        OpenSearchLab lab = singleNodeLab("teardown-close").start();
        Path directory = lab.clusterDirectory();
        assertFalse(LabProcesses.under(directory).isEmpty(), "lab processes are found by their directory");

        lab.close();

        assertEquals(List.of(), LabProcesses.under(directory));
        assertFalse(Files.exists(directory.resolve("opensearch-1").resolve("lab.pid")), "pid record removed");
    }

    @Test
    void nextLabOnTheSameDirectoryEndsNodesAForgottenLabLeft() {
        OpenSearchLab forgotten = singleNodeLab("teardown-stale").start();
        Path directory = forgotten.clusterDirectory();
        long stalePid = forgotten.node("opensearch-1").pid();
        OpenSearchLab successor = forgotten.toBuilder().build();
        try {
            successor.start();

            assertFalse(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false),
                    "stale node " + stalePid + " ended");
            assertNotEquals(stalePid, successor.node("opensearch-1").pid());
            assertEquals(List.of(successor.node("opensearch-1").pid()),
                    LabProcesses.under(directory).stream().map(ProcessHandle::pid).toList());
        } finally {
            successor.close();
            forgotten.close();
        }
        assertEquals(List.of(), LabProcesses.under(directory));
    }

    @Test
    void failedStartReportsTheNodeLogAndLeavesNoProcess() {
        OpenSearchLab lab = singleNodeLab("teardown-failed-start").toBuilder()
                .clusterSetting("lab.no.such.setting", "x")
                .build();

        OpsException failure = assertThrows(OpsException.class, lab::start);

        assertTrue(failure.getMessage().contains("unknown setting [lab.no.such.setting]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("console.log"), failure.getMessage());
        assertEquals(List.of(), LabProcesses.under(lab.clusterDirectory()));
    }

    @Test
    void jvmOptionTheJdkRejectsFailsTheStartBeforeTheNodeRuns() {
        OpenSearchLab lab = singleNodeLab("teardown-bad-jvm-option").toBuilder()
                .jvmOption("-XX:+NoSuchLabOption")
                .build();

        OpsException failure = assertThrows(OpsException.class, lab::start);

        assertTrue(failure.getMessage().contains("JVM options parser exited"), failure.getMessage());
        assertTrue(failure.getMessage().contains("NoSuchLabOption"), failure.getMessage());
        assertEquals(List.of(), LabProcesses.under(lab.clusterDirectory()));
    }

    @Test
    void failingTestStillEndsItsSharedLab() {
        System.setProperty(SCENARIO_PROPERTY, "true");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(FailingLabScenario.class)).build(), listener);
        } finally {
            System.clearProperty(SCENARIO_PROPERTY);
        }

        assertEquals(1, listener.getSummary().getTestsFailedCount(), "the scenario ran and failed");
        assertNotNull(FailingLabScenario.clusterDirectory, "the scenario got a lab");
        assertEquals(List.of(), LabProcesses.under(FailingLabScenario.clusterDirectory));
    }

    private static OpenSearchLab singleNodeLab(String clusterName) {
        return OpenSearchLab.builder()
                .version(LabVersions.first())
                .topology(LabTopology.singleNode())
                .clusterName(clusterName)
                .build();
    }

    /** Run only through {@link #failingTestStillEndsItsSharedLab()}: a test that fails while a shared lab runs. */
    @ExtendWith(OpenSearchLabExtension.class)
    @SharedLabConfig(topology = LabTopology.SINGLE_NODE)
    @EnabledIfSystemProperty(named = SCENARIO_PROPERTY, matches = "true")
    static class FailingLabScenario {

        static volatile Path clusterDirectory;

        @Test
        void failsWhileTheLabRuns(OpenSearchLab lab) {
            clusterDirectory = lab.clusterDirectory();
            fail("deliberate failure while lab " + lab.clusterName() + " runs");
        }
    }
}
