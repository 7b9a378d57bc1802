package io.opsstack.opensearch.lab.reliability.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/**
 * A lab node crashes (SIGKILL) while a drain is being applied: the drain halts at the guard evaluated next,
 * naming it and why, before it changed anything; once the node is back, applying again with the same
 * journal and operation id completes. (The rolling-restart variant is RollingRestartLabTest's killed-node test.)
 */
@EnabledIf("io.opsstack.opensearch.lab.reliability.crash.CrashLab#coversCrashVersion")
class NodeCrashDuringDrainLabTest {
    private static final String DRAINED = "opensearch-cold-1";
    private static final String CRASHED = "opensearch-warm-1";

    @TempDir
    Path directory;
    private final List<String> indices = new ArrayList<>();

    @Test
    void aPeerKilledAsTheDrainStartsHaltsItAtDrainFeasibleAndTheSameOperationIdCompletesLater() throws Exception {
        OpenSearchLab lab = CrashLab.lab();
        try (OpenSearchOps os = CrashLab.ops()) {
            for (String purpose : List.of("node-crash-a", "node-crash-b")) {
                String index = LabSupport.uniqueIndex(purpose);
                indices.add(index);
                CrashLab.indexWithDocs(os, index, Map.of("index.number_of_shards", 3, "index.number_of_replicas", 1), 100);
            }
            Operation<Void> drain = CrashOperations.of(os, CrashOperations.DRAIN, DRAINED, null);
            Plan plan = drain.plan();
            String firstStep = plan.steps().get(0).id();
            ApplyOptions options = ApplyOptions.builder().journalDirectory(directory).operationId("node-crash-drain")
                    .leaseStore(os.leaseStore()).build();
            String before = rawSettings(lab.node("opensearch-hot-1").httpUri());

            UnsafeOperationException halted = assertThrows(UnsafeOperationException.class, () -> drain.apply(plan,
                    options.toBuilder().listener(new KillOnStart(lab, firstStep)).build()));

            assertEquals("drain-feasible", halted.guard(), halted.getMessage());
            assertEquals(firstStep, halted.stepId().orElseThrow());
            assertTrue(halted.guardReason().contains("cannot move"), halted.guardReason());
            assertEquals(before, rawSettings(lab.node("opensearch-hot-1").httpUri()), "nothing was changed");
            assertTrue(os.allocation().votingExclusions().isEmpty());

            lab.start(CRASHED);
            CrashLab.awaitGreen(os);
            OperationResult<Void> resumed = drain.apply(plan, options);

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertTrue(os.shards().stream().noneMatch(row -> row.occupies(DRAINED)), "shards left on " + DRAINED);
            for (String index : indices) {
                os.refresh(index);
                assertEquals(100, os.count(index), index);
            }
        }
    }

    @AfterEach
    void restoreSharedLab() {
        CrashLab.restoreSharedLab(indices);
    }

    /** The exact bytes of the persistent and transient cluster settings. */
    private static String rawSettings(URI endpoint) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_cluster/settings")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Kills a peer of the drained node the moment the step starts, before its guards are evaluated. */
    private static final class KillOnStart implements ProgressListener {
        private final OpenSearchLab lab;
        private final String step;

        KillOnStart(OpenSearchLab lab, String step) {
            this.lab = lab;
            this.step = step;
        }

        @Override
        public void onEvent(StepEvent event) {
            if (event instanceof StepStarted started && started.stepId().equals(step)) {
                lab.kill(CRASHED);
            }
        }
    }
}
