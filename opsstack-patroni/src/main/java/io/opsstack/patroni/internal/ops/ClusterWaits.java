package io.opsstack.patroni.internal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.patroni.model.MemberStatus;

/**
 * The waits of the Patroni operations, driven by {@code /cluster} and {@code /patroni}. Members
 * that restart refuse connections or answer 503 for a while, so every poll that fails with a
 * client error or a Patroni refusal is retried until the wait's own deadline (each poll is
 * reported as a {@code StepWaiting} event). Thread-safe.
 */
final class ClusterWaits {
    private static final Backoff POLL = Backoff.fixed(Duration.ofMillis(500));

    private final PatroniOps ops;
    private final String target;

    ClusterWaits(PatroniOps ops, String target) {
        this.ops = ops;
        this.target = target;
    }

    /**
     * Waits until the cluster converged under {@code expectedLeader} (null: any leader): exactly one
     * leader, running and writable (its {@code /patroni} role is not a replica), every other member
     * running on its timeline with lag 0. Returns the last {@code /cluster}.
     */
    ClusterStatus converged(String expectedLeader, Duration timeout, StepContext context) {
        ClusterStatus[] last = new ClusterStatus[1];
        Waiter.<List<String>>builder()
                .poll(() -> {
                    ClusterStatus cluster = ops.cluster();
                    last[0] = cluster;
                    return convergenceProblems(cluster, expectedLeader);
                })
                .successWhen(List::isEmpty)
                .retryWhen(problems -> true)
                .retryOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(POLL)
                .timeout(bounded(timeout, context))
                .description("cluster converged" + (expectedLeader == null ? "" : " under leader " + expectedLeader))
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
        return last[0];
    }

    /**
     * Waits until the standby leader {@code leader} of a promoted standby cluster leads as a
     * writable primary (role {@code leader}, not {@code standby_leader}) and the cluster converged.
     */
    ClusterStatus promoted(String leader, Duration timeout, StepContext context) {
        ClusterStatus[] last = new ClusterStatus[1];
        Waiter.<List<String>>builder()
                .poll(() -> {
                    ClusterStatus cluster = ops.cluster();
                    last[0] = cluster;
                    List<String> problems = new ArrayList<>();
                    cluster.leader().filter(member -> member.role() == ClusterRole.STANDBY_LEADER)
                            .ifPresent(member -> problems.add(member.name() + " is still a standby leader"));
                    problems.addAll(convergenceProblems(cluster, leader));
                    if (problems.isEmpty() && ops.member(leader).status().role() != MemberRole.PRIMARY) {
                        problems.add(leader + " does not run as a primary yet");
                    }
                    return problems;
                })
                .successWhen(List::isEmpty)
                .retryWhen(problems -> true)
                .retryOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(POLL)
                .timeout(bounded(timeout, context))
                .description(leader + " promoted to a writable primary")
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
        return last[0];
    }

    /**
     * Waits until {@code member} runs as a replica streaming from the leader with lag 0 and, when
     * {@code pendingCleared}, without {@code pending_restart}.
     */
    void replicaStreaming(String member, boolean pendingCleared, Duration timeout, StepContext context) {
        Waiter.<List<String>>builder()
                .poll(() -> replicaProblems(member, pendingCleared))
                .successWhen(List::isEmpty)
                .retryWhen(problems -> true)
                .retryOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(POLL)
                .timeout(bounded(timeout, context))
                .description(member + " streaming with lag 0" + (pendingCleared ? " and no pending restart" : ""))
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    private List<String> convergenceProblems(ClusterStatus cluster, String expectedLeader) {
        List<String> problems = new ArrayList<>(ClusterView.of(cluster).problems(expectedLeader));
        if (problems.isEmpty()) {
            ClusterMember leader = cluster.leader().orElseThrow();
            MemberStatus status = ops.member(leader.name()).status();
            if (status.role() == MemberRole.REPLICA || !status.isRunning()) {
                problems.add("leader " + leader.name() + " still reports role " + status.rawRole() + ", state " + status.state());
            }
        }
        return problems;
    }

    private List<String> replicaProblems(String member, boolean pendingCleared) {
        ClusterStatus cluster = ops.cluster();
        List<String> problems = new ArrayList<>();
        ClusterMember replica = cluster.member(member).orElse(null);
        ClusterMember leader = cluster.leader().orElse(null);
        if (replica == null) {
            return List.of(member + " is not listed in /cluster");
        }
        if (leader == null) {
            return List.of("the cluster has no leader");
        }
        if (!replica.isRunning()) {
            problems.add(member + " is " + replica.state());
        }
        if (replica.timeline() != leader.timeline()) {
            problems.add(member + " is on timeline " + replica.timeline() + ", leader on " + leader.timeline());
        }
        if (replica.lagBytes() == null || replica.lagBytes() != 0) {
            problems.add(member + " lag is " + (replica.lagBytes() == null ? "unknown" : replica.lagBytes() + " bytes"));
        }
        if (pendingCleared && replica.pendingRestart()) {
            problems.add(member + " still has pending_restart");
        }
        if (problems.isEmpty() && !CandidateChecks.streamingFrom(ops, leader, member)) {
            problems.add("leader " + leader.name() + " lists no streaming WAL sender for " + member);
        }
        return problems;
    }

    private static Duration bounded(Duration timeout, StepContext context) {
        Duration remaining = context.remaining();
        return timeout.compareTo(remaining) < 0 ? timeout : remaining.isZero() ? Duration.ofMillis(1) : remaining;
    }
}
