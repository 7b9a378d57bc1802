package io.opsstack.opensearch.internal.ops.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationContext;
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
import io.opsstack.opensearch.model.snapshot.SnapshotInfo;
import io.opsstack.opensearch.model.snapshot.SnapshotRepository;
import io.opsstack.opensearch.ops.SnapshotRequest;

/** Takes one snapshot and waits until it is SUCCESS. Also the first step of a rolling upgrade. */
public final class SnapshotDefinition extends ClusterOperationDefinition<SnapshotInfo> {
    public static final String NAME = "opensearch-snapshot";
    static final String GUARD_REPOSITORY_VERIFIED = "repository-verified";
    static final String GUARD_NAME_FREE = "snapshot-name-free";
    private static final String STARTED_KEY = "snapshot.started";

    private final OpenSearchOps client;
    private final SnapshotApi snapshots;
    private final SnapshotRequest request;

    public SnapshotDefinition(OpenSearchOps client, SnapshotApi snapshots, SnapshotRequest request) {
        super(NAME, client);
        this.client = client;
        this.snapshots = snapshots;
        this.request = request;
    }


    @Override
    public Plan plan() {
        SnapshotRepository repository = requireRepository();
        for (String index : request.indices()) {
            if (!index.contains("*") && !client.indexExists(index)) {
                throw new OpsValidationException("unknown index '" + index + "'", target());
            }
        }
        String what = request.indices().isEmpty() ? "all indices" : String.join(",", request.indices());
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("repository", request.repository())
                .parameter("snapshot", request.snapshot())
                .parameter("indices", what)
                .step(PlannedStep.builder("create-snapshot", StepAction.SNAPSHOT, request.repository() + "/" + request.snapshot())
                        .description("snapshot " + what + " into " + repository.type() + " repository "
                                + request.repository() + " as " + request.snapshot())
                        .guard(GUARD_REPOSITORY_VERIFIED)
                        .guard(GUARD_NAME_FREE))
                .step(PlannedStep.builder("await-snapshot", StepAction.WAIT, request.repository() + "/" + request.snapshot())
                        .description("wait until snapshot " + request.snapshot() + " is SUCCESS (PARTIAL or FAILED fail)"))
                .stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>();
        SnapshotRepository repository = requireRepository();
        facts.put("repository." + repository.name() + ".type", repository.type());
        facts.put("snapshot." + request.snapshot() + ".exists",
                String.valueOf(snapshots.snapshotStatus(request.repository(), request.snapshot()).isPresent()));
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.action()) {
            case SNAPSHOT -> {
                if (snapshots.snapshotStatus(request.repository(), request.snapshot()).isEmpty()) {
                    context.saveValue(STARTED_KEY, request.snapshot());
                    snapshots.createSnapshot(request);
                }
            }
            case WAIT -> awaitSnapshot(context);
            default -> throw new IllegalStateException("snapshot has no " + step.action() + " step");
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_REPOSITORY_VERIFIED -> new NamedGuard(name, (step, context) -> repositoryVerified());
            case GUARD_NAME_FREE -> new NamedGuard(name, (step, context) -> nameFree(context));
            default -> throw new OpsValidationException("snapshot has no guard named '" + name + "'");
        };
    }

    @Override
    public SnapshotInfo result(OperationContext context) {
        return snapshots.snapshotStatus(request.repository(), request.snapshot())
                .orElseThrow(() -> new OpsException("snapshot " + request.snapshot() + " vanished"));
    }

    private GuardResult repositoryVerified() {
        int nodes = client.nodes().size();
        List<String> verified = snapshots.verifyRepository(request.repository());
        return verified.size() == nodes
                ? GuardResult.pass("all " + nodes + " nodes can write to repository " + request.repository())
                : GuardResult.fail("only " + verified + " of " + nodes + " nodes verified repository " + request.repository());
    }

    private GuardResult nameFree(StepContext context) {
        Optional<SnapshotInfo> existing = snapshots.snapshotStatus(request.repository(), request.snapshot());
        if (existing.isEmpty()) {
            return GuardResult.pass("no snapshot named " + request.snapshot() + " in " + request.repository());
        }
        if (context.savedValue(STARTED_KEY).isPresent()) {
            return GuardResult.pass("snapshot " + request.snapshot() + " was started by this operation ("
                    + existing.get().state() + ")");
        }
        return GuardResult.fail("repository " + request.repository() + " already has a snapshot named "
                + request.snapshot() + " (" + existing.get().state() + ")");
    }

    private void awaitSnapshot(StepContext context) {
        SnapshotInfo finished = Waiter.<SnapshotInfo>builder()
                .poll(() -> {
                    SnapshotInfo info = snapshots.snapshotStatus(request.repository(), request.snapshot())
                            .orElseThrow(() -> new OpsException("snapshot " + request.snapshot() + " does not exist"));
                    context.progress(info.successfulShards(), Math.max(info.totalShards(), info.successfulShards()), "shards");
                    return info;
                })
                .successWhen(SnapshotInfo::successful)
                .failWhen(info -> info.state().finished(), "the snapshot did not succeed")
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(request.pollInterval()))
                .timeout(min(request.waitTimeout(), context.remaining()))
                .description("snapshot " + request.repository() + "/" + request.snapshot() + " SUCCESS")
                .target(target())
                .observer(context.waitObserver())
                .build()
                .await()
                .value();
        context.progress(finished.successfulShards(), finished.totalShards(), "shards");
    }

    private SnapshotRepository requireRepository() {
        return snapshots.repository(request.repository()).orElseThrow(() -> new OpsValidationException(
                "unknown snapshot repository '" + request.repository() + "'", target()));
    }

    static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
