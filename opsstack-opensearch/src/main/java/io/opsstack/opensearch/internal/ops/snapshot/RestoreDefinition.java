package io.opsstack.opensearch.internal.ops.snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.SnapshotApi;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.ops.RestoreRequest;

/** Restores indices from a snapshot (optionally renamed) and waits until they are green. */
public final class RestoreDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-restore";
    static final String GUARD_SNAPSHOT_SUCCESSFUL = "snapshot-successful";
    static final String GUARD_TARGETS_ABSENT = "restore-targets-absent";
    private static final String STARTED_KEY = "restore.started";
    private static final Duration SERVER_WAIT = Duration.ofSeconds(1);

    private final OpenSearchOps client;
    private final SnapshotApi snapshots;
    private final RestoreRequest request;

    public RestoreDefinition(OpenSearchOps client, SnapshotApi snapshots, RestoreRequest request) {
        super(NAME, client);
        this.client = client;
        this.snapshots = snapshots;
        this.request = request;
    }


    @Override
    public Plan plan() {
        SnapshotInfo snapshot = requireSnapshot();
        List<String> sources = sourceIndices(snapshot);
        List<String> targets = sources.stream().map(request::targetName).toList();
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("repository", request.repository())
                .parameter("snapshot", request.snapshot())
                .parameter("indices", String.join(",", sources))
                .step(PlannedStep.builder("restore", StepAction.EXEC, String.join(",", targets))
                        .description("restore " + sources + " from " + request.repository() + "/" + request.snapshot()
                                + (request.renamePattern() == null ? "" : " as " + targets))
                        .disruptive(true)
                        .guard(GUARD_SNAPSHOT_SUCCESSFUL)
                        .guard(GUARD_TARGETS_ABSENT))
                .step(PlannedStep.builder("await-restore", StepAction.WAIT, String.join(",", targets))
                        .description("wait until " + targets + " are green"))
                .stateFacts(facts(targets));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return facts(sourceIndices(requireSnapshot()).stream().map(request::targetName).toList());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.action()) {
            case EXEC -> {
                if (context.savedValue(STARTED_KEY).isEmpty()) {
                    context.saveValue(STARTED_KEY, request.snapshot());
                    snapshots.restore(request);
                }
            }
            case WAIT -> awaitGreen(List.of(step.target().split(",")), context);
            default -> throw new IllegalStateException("restore has no " + step.action() + " step");
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_SNAPSHOT_SUCCESSFUL -> new NamedGuard(name, (step, context) -> snapshotSuccessful());
            case GUARD_TARGETS_ABSENT -> new NamedGuard(name, (step, context) -> targetsAbsent(step, context));
            default -> throw new OpsValidationException("restore has no guard named '" + name + "'");
        };
    }

    private GuardResult snapshotSuccessful() {
        SnapshotInfo snapshot = requireSnapshot();
        return snapshot.successful()
                ? GuardResult.pass("snapshot " + request.snapshot() + " is SUCCESS with " + snapshot.totalShards() + " shards")
                : GuardResult.fail("snapshot " + request.snapshot() + " is " + snapshot.state() + " with "
                        + snapshot.failedShards() + " failed shards: restoring it could restore incomplete data");
    }

    private GuardResult targetsAbsent(PlannedStep step, StepContext context) {
        if (context.savedValue(STARTED_KEY).isPresent()) {
            return GuardResult.pass("the restore was started by this operation");
        }
        List<String> existing = new ArrayList<>();
        for (String index : step.target().split(",")) {
            if (client.indexExists(index)) {
                existing.add(index);
            }
        }
        return existing.isEmpty()
                ? GuardResult.pass("no index named " + step.target() + " exists")
                : GuardResult.fail("indices " + existing + " exist; delete them or restore under new names (rename)");
    }

    private void awaitGreen(List<String> indices, StepContext context) {
        Waiter.<ClusterHealth>builder()
                .poll(() -> client.health(HealthRequest.builder().indices(indices).waitForStatus(HealthStatus.GREEN)
                        .timeout(SERVER_WAIT).build()))
                .successWhen(health -> health.status() == HealthStatus.GREEN && !health.timedOut())
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(request.pollInterval()))
                .timeout(SnapshotDefinition.min(request.waitTimeout(), context.remaining()))
                .description("restored indices " + indices + " green")
                .target(target())
                .observer(context.waitObserver())
                .build()
                .await();
    }

    private SnapshotInfo requireSnapshot() {
        if (snapshots.repository(request.repository()).isEmpty()) {
            throw new OpsValidationException("unknown snapshot repository '" + request.repository() + "'", target());
        }
        return snapshots.snapshotStatus(request.repository(), request.snapshot()).orElseThrow(() ->
                new OpsValidationException("repository " + request.repository() + " has no snapshot '"
                        + request.snapshot() + "'", target()));
    }

    /** The snapshot's indices the request selects; a concrete name the snapshot lacks is refused. */
    private List<String> sourceIndices(SnapshotInfo snapshot) {
        if (request.indices().isEmpty()) {
            return snapshot.indices();
        }
        List<String> selected = new ArrayList<>();
        for (String wanted : request.indices()) {
            Pattern glob = Pattern.compile(Pattern.quote(wanted).replace("*", "\\E.*\\Q"));
            List<String> matches = snapshot.indices().stream().filter(index -> glob.matcher(index).matches()).toList();
            if (matches.isEmpty()) {
                throw new OpsValidationException("snapshot " + request.snapshot() + " has no index matching '" + wanted
                        + "'; it holds " + snapshot.indices(), target());
            }
            matches.stream().filter(index -> !selected.contains(index)).forEach(selected::add);
        }
        return selected;
    }

    private Map<String, String> facts(List<String> targets) {
        Map<String, String> facts = new TreeMap<>();
        for (String index : targets) {
            facts.put("index." + index + ".exists", String.valueOf(client.indexExists(index)));
        }
        return facts;
    }
}
