package io.opsstack.patroni;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;

/**
 * Judgements over one {@code /cluster} answer: who leads, who replicates, and whether the cluster
 * has converged — exactly one leader (or standby leader), every other member running (or
 * streaming) on the leader's timeline with lag 0. {@link #problems()} says why not, one line per
 * finding. Immutable and thread-safe.
 */
public final class ClusterView {
    private final ClusterStatus status;

    private ClusterView(ClusterStatus status) {
        this.status = status;
    }

    public static ClusterView of(ClusterStatus status) {
        return new ClusterView(Objects.requireNonNull(status, "status"));
    }

    public ClusterStatus status() {
        return status;
    }

    /** The leader or standby leader; empty when there is none (or, inconsistently, more than one). */
    public Optional<ClusterMember> leader() {
        List<ClusterMember> leaders = leaders();
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    /** Every member that is not a leader, in Patroni's order. */
    public List<ClusterMember> replicas() {
        List<ClusterMember> replicas = new ArrayList<>();
        for (ClusterMember member : status.members()) {
            if (!member.isLeader()) {
                replicas.add(member);
            }
        }
        return List.copyOf(replicas);
    }

    /** True when {@link #problems()} is empty. */
    public boolean isConverged() {
        return problems().isEmpty();
    }

    /** True when converged and led by {@code expectedLeader}. */
    public boolean isConverged(String expectedLeader) {
        return problems(expectedLeader).isEmpty();
    }

    /** Why the cluster has not converged; empty when it has. */
    public List<String> problems() {
        return problems(null);
    }

    /** Why the cluster has not converged under {@code expectedLeader} (null: any leader); empty when it has. */
    public List<String> problems(String expectedLeader) {
        List<String> problems = new ArrayList<>();
        List<ClusterMember> leaders = leaders();
        if (leaders.isEmpty()) {
            problems.add("no leader");
        } else if (leaders.size() > 1) {
            problems.add("more than one leader: " + leaders.stream().map(ClusterMember::name).toList());
        }
        ClusterMember leader = leaders.size() == 1 ? leaders.get(0) : null;
        if (expectedLeader != null && leader != null && !leader.name().equals(expectedLeader)) {
            problems.add("leader is " + leader.name() + ", expected " + expectedLeader);
        }
        if (expectedLeader != null && status.member(expectedLeader).isEmpty()) {
            problems.add("expected leader " + expectedLeader + " is not a member");
        }
        if (leader != null && !leader.isRunning()) {
            problems.add("leader " + leader.name() + " is " + leader.state());
        }
        for (ClusterMember replica : replicas()) {
            if (!replica.isRunning()) {
                problems.add(replica.name() + " is " + (replica.state().isEmpty() ? "in no state" : replica.state()));
            }
            if (leader != null && replica.timeline() != leader.timeline()) {
                problems.add(replica.name() + " is on timeline " + replica.timeline() + ", leader on "
                        + leader.timeline());
            }
            if (replica.lagUnknown() || replica.lagBytes() == null) {
                problems.add(replica.name() + " lag is unknown");
            } else if (replica.lagBytes() != 0) {
                problems.add(replica.name() + " lags " + replica.lagBytes() + " bytes");
            }
        }
        return List.copyOf(problems);
    }

    private List<ClusterMember> leaders() {
        List<ClusterMember> leaders = new ArrayList<>();
        for (ClusterMember member : status.members()) {
            if (member.isLeader()) {
                leaders.add(member);
            }
        }
        return leaders;
    }

    @Override
    public String toString() {
        List<String> problems = problems();
        return "ClusterView[" + status.scope() + ", leader=" + leader().map(ClusterMember::name).orElse("none")
                + ", " + (problems.isEmpty() ? "converged" : "not converged: " + String.join("; ", problems)) + "]";
    }
}
