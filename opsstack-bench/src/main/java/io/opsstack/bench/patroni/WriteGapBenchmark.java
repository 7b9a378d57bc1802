package io.opsstack.bench.patroni;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opsstack.api.http.Credentials;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.SwitchoverRequest;
import io.opsstack.patroni.ops.RollingRestartRequest;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.patroni.ops.SwitchoverResult;
import io.opsstack.testkit.patroni.PatroniLab;
import io.opsstack.testkit.patroni.WriteProbe;
import io.opsstack.testkit.patroni.WriteProbeReport;

/**
 * Write gaps on a real 3-member Patroni lab, all in one run, each measured by a {@link WriteProbe}
 * (a new connection every 50 ms to the multi-host URL that accepts only the primary):
 * <ol>
 *   <li>switchover: opsstack's planned switchover vs a raw {@code POST /switchover} vs
 *       {@code patronictl switchover --force}, each to the same kind of candidate (the least lagged
 *       replica), alternating, {@code rounds} times each;</li>
 *   <li>rolling restart after a postmaster parameter change ({@code max_connections}): opsstack's
 *       replicas-first rolling restart vs {@code patronictl restart --pending --force}.</li>
 * </ol>
 * Every measurement waits for the cluster to converge before the probe stops. It prints each gap,
 * the medians, their ratios (goal: opsstack ≤ raw REST + 10 %) and the converged cluster at the end.
 *
 * <p>Argument (optional): rounds per switchover variant (default 3).
 */
public final class WriteGapBenchmark {
    private static final Duration CONVERGE = Duration.ofMinutes(2);

    private final PatroniLab lab;
    private final PatroniOps ops;
    private final Path patronictlConfig;

    private WriteGapBenchmark(PatroniLab lab, PatroniOps ops) {
        this.lab = lab;
        this.ops = ops;
        this.patronictlConfig = Path.of(lab.member(lab.memberNames().get(0)).directory(), "patroni.yml");
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (PatroniLab lab = PatroniLab.builder().scope("bench").build().start();
             PatroniOps ops = PatroniOps.builder().endpoints(lab.restEndpoints())
                     .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow()))
                     .build()) {
            new WriteGapBenchmark(lab, ops).run(rounds);
        }
    }

    private void run(int rounds) throws Exception {
        List<Long> opsstack = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Long> patronictl = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            opsstack.add(measure("opsstack switchover #" + round, this::opsstackSwitchover));
            raw.add(measure("raw POST /switchover #" + round, this::rawSwitchover));
            patronictl.add(measure("patronictl switchover --force #" + round, this::patronictlSwitchover));
        }
        changeMaxConnections(60);
        long rollingOpsstack = measure("opsstack rolling restart (pending)", this::opsstackRollingRestart);
        changeMaxConnections(70);
        long rollingPatronictl = measure("patronictl restart --pending --force", this::patronictlRestart);

        System.out.println();
        System.out.printf("switchover write gap, median of %d: opsstack %d ms, raw REST %d ms, patronictl %d ms%n",
                rounds, median(opsstack), median(raw), median(patronictl));
        System.out.printf("ratio opsstack / raw REST: %.2f (goal <= 1.10)%n", (double) median(opsstack) / median(raw));
        System.out.printf("ratio opsstack / patronictl: %.2f%n", (double) median(opsstack) / median(patronictl));
        System.out.printf("rolling restart write gap: opsstack %d ms, patronictl restart --pending %d ms, ratio %.2f%n",
                rollingOpsstack, rollingPatronictl, (double) rollingOpsstack / rollingPatronictl);
        ClusterView end = awaitConverged(true);
        System.out.println("cluster at the end: " + end + " " + end.status().members().stream()
                .map(member -> member.name() + "=" + member.role() + "/" + member.state() + "/tl" + member.timeline()
                        + "/lag" + member.lagBytes() + "/pending=" + member.pendingRestart()).toList());
    }

    /** One disruptive action under the probe. */
    private interface Action {
        void run() throws Exception;
    }

    private long measure(String label, Action action) throws Exception {
        awaitConverged(false);
        try (WriteProbe probe = WriteProbe.start(lab)) {
            Thread.sleep(1000);
            long start = System.nanoTime();
            action.run();
            awaitConverged(true);
            long took = System.nanoTime() - start;
            Thread.sleep(500);
            WriteProbeReport report = probe.stop();
            System.out.printf("%-40s gap %5d ms, %d gap(s), %d/%d writes acknowledged, %d lost, %.1f s to converged%n",
                    label, report.maxGap().toMillis(), report.gaps().size(), report.acknowledged(), report.attempts(),
                    report.lost(), took / 1e9);
            if (report.lost() > 0) {
                throw new IllegalStateException(label + " lost " + report.lost() + " acknowledged writes");
            }
            return report.maxGap().toMillis();
        }
    }

    private void opsstackSwitchover() {
        Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.toAnyReplica());
        switchover.apply(switchover.plan(), applyOptions());
    }

    private void rawSwitchover() {
        ClusterView view = ops.clusterView();
        String leader = view.leader().orElseThrow().name();
        ops.switchover(SwitchoverRequest.of(leader, leastLagged(view)));
    }

    private void patronictlSwitchover() throws IOException, InterruptedException {
        ClusterView view = ops.clusterView();
        patronictl("switchover", lab.scope(), "--leader", view.leader().orElseThrow().name(),
                "--candidate", leastLagged(view), "--force");
    }

    private void opsstackRollingRestart() {
        Operation<?> restart = ops.rollingRestart(RollingRestartRequest.pending());
        restart.apply(restart.plan(), applyOptions());
    }

    private void patronictlRestart() throws IOException, InterruptedException {
        patronictl("restart", lab.scope(), "--pending", "--force");
    }

    private void changeMaxConnections(int value) throws InterruptedException {
        ops.patchConfig(Map.of("postgresql", Map.of("parameters", Map.of("max_connections", value))));
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!ops.cluster().members().stream().allMatch(ClusterMember::pendingRestart)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("members did not report pending_restart for max_connections=" + value);
            }
            Thread.sleep(500);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String leastLagged(ClusterView view) {
        return view.replicas().stream().min((a, b) -> Long.compare(lag(a), lag(b))).orElseThrow().name();
    }

    private static long lag(ClusterMember member) {
        return member.lagBytes() == null ? Long.MAX_VALUE : member.lagBytes();
    }

    /** Waits until one leader and every member streams with lag 0 and, when asked, nothing is pending. */
    private ClusterView awaitConverged(boolean nothingPending) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        String last = "never read";
        while (System.nanoTime() < deadline) {
            try {
                ClusterView view = ops.clusterView();
                boolean pending = view.status().members().stream().anyMatch(ClusterMember::pendingRestart);
                if (view.isConverged() && !(nothingPending && pending)) {
                    return view;
                }
                last = view.toString() + (pending ? ", restarts pending" : "");
            } catch (RuntimeException e) {
                last = e.toString(); // a member is restarting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("cluster did not converge within " + CONVERGE + ": " + last);
    }

    private void patronictl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("patronictl", "-c", patronictlConfig.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": " + output);
        }
    }

    private static ApplyOptions applyOptions() {
        return ApplyOptions.builder().journal(new InMemoryJournal()).build();
    }
}
