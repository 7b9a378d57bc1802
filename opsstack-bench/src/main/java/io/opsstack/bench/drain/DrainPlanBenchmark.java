package io.opsstack.bench.drain;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.ops.drain.DrainFeasibility;
import io.opsstack.opensearch.internal.ops.drain.DrainPlanner;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Plans a drain (feasibility and a target per shard copy) on a synthetic 1,000-node / 100,000-shard
 * cluster state, in a 512 MB heap. Goal: under 1 s per plan.
 * Run: {@code java -cp opsstack-bench/target/benchmarks-classpath io.opsstack.bench.drain.DrainPlanBenchmark}
 * (see the module's docs) or through the JMH runner with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class DrainPlanBenchmark {
    static final int NODES = 1_000;
    static final int SHARD_COPIES = 100_000;

    private ClusterSnapshot snapshot;
    private String node;

    @Setup
    public void setUp() {
        snapshot = SyntheticCluster.of(NODES, SHARD_COPIES, 42);
        node = SyntheticCluster.name(421);
    }

    @Benchmark
    public DrainFeasibility planDrain() {
        return DrainPlanner.assess(snapshot, node);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DrainPlanBenchmark.class.getSimpleName())
                .addProfiler("gc").build()).run();
    }
}
