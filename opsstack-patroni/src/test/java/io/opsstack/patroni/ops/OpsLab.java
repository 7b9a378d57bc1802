package io.opsstack.patroni.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.testkit.patroni.PatroniLab;

/** The shared lab, a client for it (breakers at their defaults: operations must cope), and waits. */
final class OpsLab {
    static final Duration CONVERGE = Duration.ofSeconds(120);

    private OpsLab() {
    }

    static PatroniLab lab() {
        return PatroniLab.shared();
    }

    static PatroniOps ops() {
        PatroniLab lab = lab();
        return PatroniOps.builder().endpoints(lab.restEndpoints())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow()))
                .circuitBreakerPolicy(CircuitBreakerPolicy.defaults())
                .build();
    }

    /** Polls {@code /cluster} until it converged under any leader; returns the view. */
    static ClusterView awaitConverged(PatroniOps ops) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        List<String> problems = List.of("never read");
        while (System.nanoTime() < deadline) {
            try {
                ClusterView view = ops.clusterView();
                problems = view.problems();
                if (problems.isEmpty()) {
                    return view;
                }
            } catch (RuntimeException e) {
                problems = List.of(e.toString());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("cluster did not converge within " + CONVERGE + ": " + problems);
    }

    /** A condition {@link #eventually} polls. */
    interface Check {
        boolean holds();
    }

    /** Polls {@code condition} every 250 ms for up to 30 s. */
    static void eventually(String what, Check condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Sets the member's {@code nofailover} tag in its local configuration and reloads it; returns
     * once {@code /cluster} shows the tag (published in the member's next HA loop).
     */
    static void tagNofailover(PatroniOps ops, String member, boolean nofailover) throws IOException, InterruptedException {
        Path config = Path.of(lab().member(member).directory(), "patroni.yml");
        String text = Files.readString(config, StandardCharsets.UTF_8);
        String edited = text.replace("\"nofailover\" : " + !nofailover, "\"nofailover\" : " + nofailover);
        if (edited.equals(text) && !text.contains("\"nofailover\" : " + nofailover)) {
            throw new AssertionError("no nofailover tag in " + config);
        }
        Files.writeString(config, edited, StandardCharsets.UTF_8);
        ops.member(member).reload();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean tagged = ops.cluster().member(member).orElseThrow().tags().containsKey("nofailover");
            if (tagged == nofailover) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/cluster did not show nofailover=" + nofailover + " for " + member);
    }
}
