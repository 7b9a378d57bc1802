package io.opsstack.victoria.ops.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.testkit.service.ForwardingServiceControl;
import io.opsstack.testkit.victoria.VictoriaLab;
import io.opsstack.victoria.SeriesMatch;
import io.opsstack.victoria.UrlLayouts;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmAgentClient;
import io.opsstack.victoria.VmInsertClient;
import io.opsstack.victoria.VmSelectClient;
import io.opsstack.victoria.VmStorageClient;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.RolloutSettings;
import io.opsstack.victoria.ops.VmRollingRestartRequest;

/**
 * Acceptance on real 1.79.5 processes: two single-node servers stand in for vmstorage nodes behind a
 * real vmauth (round-robin {@code url_prefix} list; no failover in 1.79, so the stopped backend's
 * share gets 502), and a real vmagent remote-writes through vmauth while the planned rolling restart
 * takes the stand-ins down one at a time. vmagent keeps what vmauth refused and retries, so every
 * sample written must be found afterwards on one of the two servers: zero lost.
 */
class RollingRestartBehindVmAuthTest {
    private static final Logger LOG = LoggerFactory.getLogger(RollingRestartBehindVmAuthTest.class);
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final String METRIC = "acceptance_seq";

    private VictoriaLab lab;
    private VictoriaClusterOps ops;
    private VmInsertClient push;
    private VmAgentClient agent;
    private final List<VmSelectClient> selects = new ArrayList<>();
    private final List<VmStorageClient> storages = new ArrayList<>();

    @BeforeEach
    void start() {
        lab = VictoriaLab.builder().name("rolling").servers(2).startTimeout(Duration.ofSeconds(90)).build().start();
        ClusterDefinition.Builder definition = ClusterDefinition.builder().name("standins")
                .vminsert(address(lab.vmauthUrl())).vmselect(address(lab.serverUrl()));
        int rpcPort = 8400;
        for (String server : lab.serverNames()) {
            // distinct (unused) RPC ports: stand-ins have no vminsert/vmselect ports, the definition needs unique ones
            definition.vmstorage(new StorageNode(server, address(lab.serverUrl(server)), rpcPort, rpcPort + 1, "127.0.0.1",
                    "victoria-metrics"));
            rpcPort += 10;
            HttpClientOptions options = HttpClientOptions.builder().endpoints(lab.serverUrl(server)).build();
            selects.add(VmSelectClient.create(options, UrlLayouts.singleNode()));
            storages.add(VmStorageClient.create(options));
        }
        ops = VictoriaClusterOps.builder().definition(definition.build()).build();
        push = VmInsertClient.create(HttpClientOptions.builder().endpoints(lab.vmagentUrl()).build(), UrlLayouts.singleNode());
        agent = VmAgentClient.create(HttpClientOptions.builder().endpoints(lab.vmagentUrl()).build());
    }

    @AfterEach
    void stop() throws Exception {
        List<AutoCloseable> closeables = new ArrayList<>(List.of(push, agent, ops));
        closeables.addAll(selects);
        closeables.addAll(storages);
        closeables.add(lab);
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void noSampleIsLostWhileTheStandInsRestartOneAtATime() throws InterruptedException {
        Writer writer = new Writer();
        Thread thread = new Thread(writer, "acceptance-writer");
        thread.start();
        try {
            awaitOnEveryServer();
            Operation<Void> restart = ops.rollingRestart(VmRollingRestartRequest.builder()
                    .components(ComponentType.VMSTORAGE)
                    .settings(RolloutSettings.builder().gateProfile(GateProfile.SINGLE_NODE_STANDIN)
                            .gateTimeout(Duration.ofMinutes(2)).build())
                    .build(), new DownForAWhile(lab.serviceControl()));
            Plan plan = restart.plan();
            LOG.info("rolling restart plan:\n{}", plan.render());
            assertEquals(OperationStatus.SUCCEEDED, restart.apply(plan, ApplyOptions.builder().journal(new InMemoryJournal())
                    .timeout(Duration.ofMinutes(5)).build()).status());
            Thread.sleep(1000);
        } finally {
            writer.running.set(false);
            thread.join(30_000);
        }
        assertEquals(null, writer.failure.get(), "pushes to vmagent must not fail");
        int written = writer.written.get();
        assertTrue(written > 0);
        assertTrue(agent.queueStatus().retries() > 0, "vmagent retried what vmauth refused while a stand-in was down");

        Set<Integer> found = awaitAll(written);
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < written; i++) {
            expected.add(i);
        }
        assertEquals(expected, found, "samples lost");
        assertEquals(0.0, agent.queueStatus().pendingBytes());
        assertTrue(!agent.queueStatus().droppedData(), "vmagent dropped data");
    }

    @Test
    void vmauthRoundRobinsAndAnswers502ForAStoppedBackend() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((VictoriaLab.VMAUTH_USER + ":"
                + lab.vmauthPassword().reveal()).getBytes(StandardCharsets.UTF_8));
        HttpRequest labels = HttpRequest.newBuilder(URI.create(lab.vmauthUrl() + "/api/v1/labels"))
                .header("Authorization", basic).timeout(Duration.ofSeconds(10)).GET().build();
        lab.stop(lab.serverNames().get(1));
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            statuses.merge(http.send(labels, HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
        }
        // round-robin: about half of the requests reach the stopped backend, and 1.79 has no failover for them
        assertEquals(Set.of(200, 502), statuses.keySet(), statuses.toString());
        assertTrue(statuses.get(200) >= 4 && statuses.get(502) >= 4, statuses.toString());
    }

    /** Both stand-ins received writes through vmauth before anything is restarted. */
    private void awaitOnEveryServer() throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            if (perServer().stream().allMatch(values -> !values.isEmpty())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("vmauth did not spread writes over both stand-ins: " + perServer());
    }

    /** The {@code seq} values found over both stand-ins once vmagent's queue drained and they match what was written. */
    private Set<Integer> awaitAll(int written) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        Set<Integer> union = new TreeSet<>();
        int total = 0;
        while (System.nanoTime() < deadline) {
            union.clear();
            total = 0;
            for (Set<Integer> values : perServer()) {
                union.addAll(values);
                total += values.size();
            }
            if (union.size() >= written && agent.queueStatus().pendingBytes() == 0) {
                break;
            }
            Thread.sleep(500);
        }
        LOG.info("written {}, found {} distinct over both stand-ins (sum {}, so {} duplicated by vmagent retries)", written,
                union.size(), total, total - union.size());
        return union;
    }

    private List<Set<Integer>> perServer() {
        List<Set<Integer>> result = new ArrayList<>();
        for (int i = 0; i < selects.size(); i++) {
            storages.get(i).forceFlush();
            Set<Integer> values = new TreeSet<>();
            selects.get(i).labelValues("seq", SeriesMatch.of(METRIC)).forEach(value -> values.add(Integer.parseInt(value)));
            result.add(values);
        }
        return result;
    }

    /**
     * The lab's control, keeping a stopped stand-in down for {@link #DOWN} before starting it again: a
     * lab process restarts within a few hundred milliseconds, too quickly for vmagent's next flush to
     * reach it through vmauth; real nodes flushing a large storage stay down longer.
     */
    private static final class DownForAWhile extends ForwardingServiceControl {
        static final Duration DOWN = Duration.ofSeconds(4);

        DownForAWhile(ServiceControl control) {
            super(control);
        }

        @Override
        public void restart(String node, Duration timeout) {
            stop(node, timeout);
            try {
                Thread.sleep(DOWN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            start(node, timeout);
        }
    }

    private static String address(String url) {
        return url.substring("http://".length());
    }

    /** Pushes one new series ({@code seq} = 0, 1, 2, ...) to vmagent every 20 ms; counts the accepted ones. */
    private final class Writer implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger written = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        public void run() {
            try {
                while (running.get()) {
                    push.importPrometheus(METRIC + "{seq=\"" + written.get() + "\"} 1\n");
                    written.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }
    }
}
