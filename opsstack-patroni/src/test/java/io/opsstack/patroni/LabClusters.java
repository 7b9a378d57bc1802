package io.opsstack.patroni;

import java.time.Duration;
import java.util.List;

import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.testkit.patroni.PatroniLab;

/** Clients for the shared lab and the convergence wait the tests use after disruptive calls. */
final class LabClusters {

    private LabClusters() {
    }

    static PatroniLab lab() {
        return PatroniLab.shared();
    }

    /**
     * A client with the lab's REST credentials. Circuit breakers are off: tests kill and restart
     * members on purpose, and an open breaker would refuse calls to a member that is back.
     */
    static PatroniOps ops() {
        PatroniLab lab = lab();
        return PatroniOps.builder().endpoints(lab.restEndpoints())
                .credentials(Credentials.basic(lab.restUser().orElseThrow(), lab.restPassword().orElseThrow()))
                .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                .build();
    }

    /** Polls until {@code condition} holds; reads of {@code /config} follow a write within a loop_wait or two. */
    static void eventually(String what, Duration timeout, Check condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /** A condition polled by {@link #eventually}. */
    interface Check {
        boolean holds();
    }

    /** Polls {@code /cluster} until it converged under {@code expectedLeader} (null: any); returns the view. */
    static ClusterView awaitConverged(PatroniOps ops, String expectedLeader, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterView view = null;
        List<String> problems = List.of("never read");
        while (System.nanoTime() < deadline) {
            try {
                view = ops.clusterView();
                problems = view.problems(expectedLeader);
                if (problems.isEmpty()) {
                    return view;
                }
            } catch (RuntimeException e) {
                problems = List.of(e.toString());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("cluster did not converge within " + timeout + ": " + problems + " " + view);
    }
}
