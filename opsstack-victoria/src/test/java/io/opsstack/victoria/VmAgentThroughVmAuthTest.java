package io.opsstack.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.testkit.victoria.VictoriaLab;
import io.opsstack.victoria.model.VmAgentQueueStatus;

/** Real vmagent pushing through a real vmauth into a real single-node server. */
class VmAgentThroughVmAuthTest {
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static VictoriaLab lab;
    private static VmInsertClient push;
    private static VmAgentClient agent;
    private static VmAuthClient auth;
    private static VmSelectClient select;
    private static VmStorageClient storage;

    @BeforeAll
    static void start() {
        lab = VictoriaLab.builder().name("agent").build().start();
        push = VmInsertClient.create(options(lab.vmagentUrl()), UrlLayouts.singleNode());
        agent = VmAgentClient.create(options(lab.vmagentUrl()));
        auth = VmAuthClient.create(options(lab.vmauthUrl()));
        select = VmSelectClient.create(options(lab.serverUrl()), UrlLayouts.singleNode());
        storage = VmStorageClient.create(options(lab.serverUrl()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {push, agent, auth, select, storage, lab}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void pushedSamplesArriveThroughVmAuth() {
        push.importPrometheus("agent_pushed{src=\"test\"} 7\n");
        awaitSeries("agent_pushed", 1);
        assertTrue(agent.health().ok());
        assertTrue(auth.metrics().value("vmauth_user_requests_total", "username", VictoriaLab.VMAUTH_USER).orElseThrow() > 0);
        assertTrue(agent.flags().value("remoteWrite.url").isPresent());
    }

    @Test
    void reloadedVmAuthConfigTakesEffect() {
        lab.routeVmAuthTo(List.of("http://127.0.0.1:" + closedPort()));
        auth.reloadConfig();
        double retriesBefore = agent.queueStatus().retries();
        push.importPrometheus("agent_rerouted{n=\"1\"} 1\n");
        Eventually.await("vmagent retrying against the dead backend", ARRIVAL, () -> agent.queueStatus().retries(),
                retries -> retries > retriesBefore);
        lab.routeVmAuthTo(List.of(lab.serverUrl()));
        auth.reloadConfig();
        awaitSeries("agent_rerouted", 1);
        assertTrue(auth.metrics().value("vmauth_http_requests_total", "path", "/-/reload").orElseThrow() >= 2);
    }

    @Test
    void vmagentBuffersWhileTheServerIsDownAndCatchesUp() throws InterruptedException {
        lab.stop(VictoriaLab.SERVER);
        double maxPending = 0;
        try {
            for (int batch = 0; batch < 10; batch++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    text.append("agent_buffered{batch=\"").append(batch).append("\",i=\"").append(i).append("\"} 1\n");
                }
                push.importPrometheus(text.toString());
                Thread.sleep(150);
                maxPending = Math.max(maxPending, agent.queueStatus().pendingBytes());
            }
            VmAgentQueueStatus buffered = Eventually.await("pending bytes while the server is down", Duration.ofSeconds(10),
                    agent::queueStatus, status -> status.pendingBytes() > 0);
            maxPending = Math.max(maxPending, buffered.pendingBytes());
        } finally {
            lab.start(VictoriaLab.SERVER);
        }
        assertTrue(maxPending > 0, "pending bytes must rise while the server is down");
        Eventually.await("the backlog to drain", ARRIVAL, agent::queueStatus, status -> status.pendingBytes() == 0);
        awaitSeries("agent_buffered", 500);
        assertFalse(agent.queueStatus().droppedData());
    }

    private static void awaitSeries(String name, int count) {
        Eventually.await(count + " series " + name + " on the server", ARRIVAL, () -> {
            storage.forceFlush();
            return select.series(SeriesMatch.of(name)).size();
        }, found -> found == count);
        assertEquals(count, select.series(SeriesMatch.of(name)).size());
    }

    private static HttpClientOptions options(String url) {
        return HttpClientOptions.builder().endpoints(url).build();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
