package io.opsstack.opensearch.internal.ops.drain;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.operation.StepContext;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.model.allocation.AllocationExplanation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls a drain until it is complete. Fails closed: a failed or unparsable read means "not drained"
 * and the poll is repeated. Progress is reported in shard copies and bytes; after {@code stallPolls}
 * poll intervals without progress the server's allocation-explain reasons for the remaining copies are
 * reported, and they end up in the timeout's message. Once every copy left on the node is already
 * relocating, the end is near and polls come four times as often, so completion is seen soon after
 * the last copy starts; stalls are still measured in time, not in polls.
 */
final class DrainWatch {
    private static final int EXPLAINED_COPIES = 5;
    private static final Duration MIN_FINISHING_PAUSE = Duration.ofMillis(50);

    private final OpenSearchOps client;
    private final String node;
    private final Duration pollInterval;
    private final int stallPolls;

    DrainWatch(OpenSearchOps client, String node, Duration pollInterval, int stallPolls) {
        this.client = client;
        this.node = node;
        this.pollInterval = pollInterval;
        this.stallPolls = stallPolls;
    }

    /** @return the final state, once drained */
    DrainState await(StepContext context, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stallNanos = pollInterval.multipliedBy(stallPolls).toNanos();
        long totalCopies = -1;
        long totalBytes = -1;
        long best = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        int polls = 0;
        String stallReasons = "";
        String lastProblem = "no reading yet";
        Duration pause = pollInterval;
        while (true) {
            context.checkCancelled();
            polls++;
            try {
                DrainState state = DrainState.of(node, client.shards(), client.health());
                if (totalCopies < 0) {
                    totalCopies = state.remaining().size();
                    totalBytes = state.bytesOnNode();
                }
                context.progress(Math.max(0, totalCopies - state.remaining().size()), totalCopies, "shard copies");
                context.progress(Math.max(0, totalBytes - state.bytesOnNode()), totalBytes, "bytes");
                if (state.drained()) {
                    return state;
                }
                long left = state.bytesOnNode() + state.remaining().size() + state.unassigned() + state.activity();
                long now = System.nanoTime();
                if (left < best) {
                    best = left;
                    lastProgress = now;
                } else if (now - lastProgress >= stallNanos) {
                    stallReasons = explain(state);
                    context.waiting("drain of " + node + " stalled: no progress for "
                            + Duration.ofNanos(now - lastProgress).toMillis() + " ms (" + stallPolls + " poll intervals of "
                            + pollInterval.toMillis() + " ms): " + state.describe() + "; " + stallReasons);
                    lastProgress = now;
                }
                lastProblem = state.describe();
                pause = finishing(state) ? finishingPause() : pollInterval;
            } catch (OpsException e) {
                lastProblem = "drain state unknown (read failed, counted as not drained): " + e.getMessage();
                context.waiting(lastProblem);
                pause = pollInterval;
            }
            if (System.nanoTime() > deadline) {
                throw new WaitTimeoutException("node " + node + " not drained after " + timeout + ": " + lastProblem
                        + (stallReasons.isEmpty() ? "" : "; " + stallReasons), null, null, polls, timeout);
            }
            sleep(pause);
        }
    }

    /** Nothing left to start: every copy still on the node is relocating away (or none is left). */
    private static boolean finishing(DrainState state) {
        return state.remaining().stream().allMatch(row -> row.state() == ShardState.RELOCATING);
    }

    private Duration finishingPause() {
        Duration quarter = pollInterval.dividedBy(4);
        Duration floor = pollInterval.compareTo(MIN_FINISHING_PAUSE) < 0 ? pollInterval : MIN_FINISHING_PAUSE;
        return quarter.compareTo(floor) < 0 ? floor : quarter;
    }

    private String explain(DrainState state) {
        List<String> reasons = new ArrayList<>();
        List<ShardRow> copies = state.remaining();
        for (ShardRow copy : copies.subList(0, Math.min(EXPLAINED_COPIES, copies.size()))) {
            try {
                AllocationExplanation explanation = client.allocation().explain(copy.index(), copy.shard(),
                        copy.primary(), copy.state() == ShardState.UNASSIGNED ? null : copy.node());
                reasons.add(explanation.reasons());
            } catch (OpsException e) {
                reasons.add(DrainPlanner.label(copy) + ": explain failed: " + e.getMessage());
            }
        }
        if (copies.isEmpty() && state.unassigned() > 0) {
            reasons.add(state.unassigned() + " unassigned shard copies elsewhere block completion");
        }
        return String.join(" || ", reasons);
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsCancelledException.interrupted("waiting for " + node + " to drain", e);
        }
    }
}
