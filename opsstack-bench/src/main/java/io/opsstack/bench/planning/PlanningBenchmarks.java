package io.opsstack.bench.planning;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TierRunPlanBenchmark} and {@link CatShardsParseBenchmark} (each forked with a 512 MB
 * heap) and prints each mean against its goal (tier-run plan under 1,000 ms, parse under 300 ms), plus
 * the parser against its Jackson-tree baseline measured in the same run. On a shared, busy machine
 * wall time says little, so the same work is also measured as CPU time of the measuring thread.
 */
public final class PlanningBenchmarks {
    private static final double PLAN_GOAL_MS = 1_000;
    private static final double PARSE_GOAL_MS = 300;

    private PlanningBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TierRunPlanBenchmark.class.getSimpleName())
                .include(CatShardsParseBenchmark.class.getSimpleName())
                .build()).run();
        Map<String, double[]> byMethod = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%d CPUs, system load average %.1f at the end of the run%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report("tier-run plan, 1,000 nodes / 100,000 shard copies", byMethod.get("planTierRun"), PLAN_GOAL_MS);
        double[] parse = byMethod.get("parse");
        report("_cat/shards parse, 100,000 rows", parse, PARSE_GOAL_MS);
        double[] baseline = byMethod.get("jacksonTreeBaseline");
        if (parse != null && baseline != null) {
            System.out.printf(Locale.ROOT, "%-52s %8.1f ms; parser / baseline = %.2f%n",
                    "  baseline: the same answer as a Jackson tree", baseline[0], parse[0] / baseline[0]);
        }
        System.out.println("(each benchmark forked with -Xmx512m -Xms512m)");
        reportCpuTime();
    }

    /** CPU time per operation of this thread, after a warm-up; barely affected by other processes. */
    private static void reportCpuTime() {
        TierRunPlanBenchmark plan = new TierRunPlanBenchmark();
        plan.setUp();
        CatShardsParseBenchmark parse = new CatShardsParseBenchmark();
        parse.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double planMs = cpuMillisPerOp(threads, plan::planTierRun);
        double parseMs = cpuMillisPerOp(threads, parse::parse);
        System.out.printf(Locale.ROOT, "CPU time per op: tier-run plan %.1f ms (goal < %.0f ms, ratio %.2f); "
                + "_cat/shards parse %.1f ms (goal < %.0f ms, ratio %.2f); heap max %d MB%n", planMs, PLAN_GOAL_MS,
                planMs / PLAN_GOAL_MS, parseMs, PARSE_GOAL_MS, parseMs / PARSE_GOAL_MS, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static double cpuMillisPerOp(ThreadMXBean threads, Runnable operation) {
        for (int i = 0; i < 10; i++) {
            operation.run();
        }
        int runs = 20;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            operation.run();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / runs;
    }

    private static void report(String what, double[] score, double goalMs) {
        if (score == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-52s %8.1f ± %.1f ms; goal < %.0f ms; ratio to goal %.2f (%s)%n", what, score[0],
                score[1], goalMs, score[0] / goalMs, score[0] < goalMs ? "meets the goal" : "misses the goal");
    }
}
