package io.opsstack.patroni.internal.ops;

import java.util.Comparator;
import java.util.Optional;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.ReplicationConnection;

/**
 * The client-side checks of a promotion candidate, as guard verdicts over one {@code /cluster}
 * answer. They turn Patroni's vague refusals (a 412 "no good candidates", a 503 "Switchover failed"
 * after the leader found the candidate lagging) into clear reasons before anything changes.
 */
public final class CandidateChecks {
    /** Patroni's default {@code maximum_lag_on_failover}: 1 MiB. */
    public static final long DEFAULT_MAXIMUM_LAG_ON_FAILOVER = 1_048_576;

    private CandidateChecks() {
    }

    /** The lag limit: the cluster's {@code maximum_lag_on_failover}, or the caller's if stricter (-1: none). */
    public static long lagLimit(DynamicConfig config, long callerLimit) {
        long cluster = config.maximumLagOnFailover() >= 0 ? config.maximumLagOnFailover() : DEFAULT_MAXIMUM_LAG_ON_FAILOVER;
        return callerLimit >= 0 ? Math.min(cluster, callerLimit) : cluster;
    }

    public static GuardResult exists(ClusterStatus cluster, String candidate) {
        Optional<ClusterMember> member = cluster.member(candidate);
        if (member.isEmpty()) {
            return GuardResult.fail("cluster has no member '" + candidate + "'; members: "
                    + cluster.members().stream().map(ClusterMember::name).toList());
        }
        return member.get().isLeader()
                ? GuardResult.fail(candidate + " is already the leader")
                : GuardResult.pass(candidate + " is a " + member.get().role().name().toLowerCase() + " of the cluster");
    }

    public static GuardResult running(ClusterStatus cluster, String candidate) {
        return cluster.member(candidate)
                .map(member -> member.isRunning()
                        ? GuardResult.pass(candidate + " is " + member.state())
                        : GuardResult.fail(candidate + " is " + (member.state().isEmpty() ? "in no state" : member.state())
                                + ", not running"))
                .orElseGet(() -> GuardResult.fail("cluster has no member '" + candidate + "'"));
    }

    /** Fails for a member tagged {@code nofailover}: Patroni would never promote it (412 "no good candidates"). */
    public static GuardResult failoverAllowed(ClusterStatus cluster, String candidate) {
        return cluster.member(candidate)
                .map(member -> "true".equalsIgnoreCase(member.tags().get("nofailover"))
                        ? GuardResult.fail(candidate + " is tagged nofailover: Patroni never promotes it")
                        : GuardResult.pass(candidate + " is not tagged nofailover"))
                .orElseGet(() -> GuardResult.fail("cluster has no member '" + candidate + "'"));
    }

    /** Fails when the candidate lags more than {@code limit} bytes behind the leader, or its lag is unknown. */
    public static GuardResult lagWithinLimit(ClusterStatus cluster, String candidate, long limit) {
        Optional<ClusterMember> member = cluster.member(candidate);
        if (member.isEmpty()) {
            return GuardResult.fail("cluster has no member '" + candidate + "'");
        }
        Long lag = member.get().lagBytes();
        if (lag == null) {
            return GuardResult.fail(candidate + " lag is unknown: it may not be replicating");
        }
        return lag <= limit
                ? GuardResult.pass(candidate + " lags " + lag + " bytes, limit " + limit)
                : GuardResult.fail(candidate + " lags " + lag + " bytes, more than the limit of " + limit
                        + " bytes: the leader would refuse the switchover after stopping nothing, or writes would be lost");
    }

    /** In synchronous mode only a synchronous standby may be promoted. */
    public static GuardResult synchronousMode(ClusterStatus cluster, DynamicConfig config, String candidate) {
        if (!config.synchronousMode()) {
            return GuardResult.pass("synchronous_mode is off");
        }
        return cluster.member(candidate)
                .map(member -> member.role() == ClusterRole.SYNC_STANDBY || member.role() == ClusterRole.QUORUM_STANDBY
                        ? GuardResult.pass(candidate + " is a synchronous standby")
                        : GuardResult.fail("synchronous_mode is on and " + candidate + " is not a synchronous standby"))
                .orElseGet(() -> GuardResult.fail("cluster has no member '" + candidate + "'"));
    }

    /** Whether the leader's PostgreSQL lists a streaming WAL sender for {@code member}. */
    public static boolean streamingFrom(PatroniOps ops, ClusterMember leader, String member) {
        for (ReplicationConnection connection : ops.member(leader.name()).status().replication()) {
            if (member.equals(connection.applicationName()) && connection.isStreaming()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The replica the plan promotes when the caller named none: running, not {@code nofailover},
     * within the lag limit and, in synchronous mode, a synchronous standby; the least lagged wins
     * (then the name). Empty when no replica qualifies.
     */
    public static Optional<String> bestCandidate(ClusterStatus cluster, DynamicConfig config, long limit) {
        return cluster.members().stream()
                .filter(member -> !member.isLeader())
                .filter(member -> running(cluster, member.name()).passed())
                .filter(member -> failoverAllowed(cluster, member.name()).passed())
                .filter(member -> lagWithinLimit(cluster, member.name(), limit).passed())
                .filter(member -> synchronousMode(cluster, config, member.name()).passed())
                .min(Comparator.comparingLong((ClusterMember member) -> member.lagBytes()).thenComparing(ClusterMember::name))
                .map(ClusterMember::name);
    }
}
