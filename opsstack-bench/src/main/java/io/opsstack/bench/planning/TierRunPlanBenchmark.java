package io.opsstack.bench.planning;

import io.opsstack.opensearch.internal.ops.tier.ClusterView;
import io.opsstack.opensearch.internal.ops.tier.TierRunPlan;
import io.opsstack.opensearch.internal.ops.tier.TierRunPlanner;
import io.opsstack.opensearch.policy.TierPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans a tier run (phase per index, settings, placement, disk room per tier) on a synthetic
 * 1,000-node / 100,000-shard-copy cluster state in a 512 MB heap. Goal: under 1 s per plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class TierRunPlanBenchmark {
    static final int NODES = 1_000;
    static final int SHARD_COPIES = 100_000;

    private ClusterView view;
    private TierPolicy policy;

    @Setup
    public void setUp() {
        view = SyntheticTierCluster.view(NODES, SHARD_COPIES);
        policy = SyntheticTierCluster.policy();
        TierRunPlan plan = planTierRun();
        if (plan.indices().size() != SHARD_COPIES / 10 || plan.indices().stream().allMatch(i -> i.steps().isEmpty())) {
            throw new IllegalStateException("the synthetic cluster does not exercise the planner: " + plan.indices().size());
        }
    }

    @Benchmark
    public TierRunPlan planTierRun() {
        return new TierRunPlanner(policy, view, SyntheticTierCluster.NOW).plan();
    }
}
