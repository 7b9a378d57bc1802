package io.opsstack.testkit.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;

/**
 * A client that writes and reads continuously against a cluster while an operation runs, the way a real
 * client would: requests go to one node and fail over to the next on a connection error, a timeout, a 429
 * or a 5xx. It counts acknowledged writes per index, write and read failures and the longest stretch
 * without an acknowledged write, and afterwards {@link #verify()} checks that every acknowledged document
 * is still there.
 *
 * <p>Writes use explicit ids ({@code PUT <index>/_doc/probe-<n>}), so a write retried on another node after
 * a timeout cannot duplicate a document. Reads fetch a random acknowledged document by id (a real-time get).
 * Rates are bounded (one write per {@code writeInterval}, one read per {@code readInterval}).
 *
 * <pre>{@code
 * try (WriteReadProbe probe = WriteReadProbe.builder(lab.httpEndpoints()).indices(List.of("logs-a")).start()) {
 *     operation.apply(plan, options);
 *     ProbeReport report = probe.stop();
 *     probe.verify().requireComplete();
 * }
 * }</pre>
 *
 * <p>Thread-safe. The indices should exist before the probe starts (otherwise the first write creates
 * them with the cluster's defaults).
 */
public final class WriteReadProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FAILURE_SAMPLES = 10;
    private static final int MGET_BATCH = 500;

    private final List<URI> endpoints;
    private final List<String> indices;
    private final Duration writeInterval;
    private final Duration readInterval;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Map<String, List<String>> acknowledgedIds = new LinkedHashMap<>();
    private final List<String> failureSamples = new ArrayList<>();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();
    private final AtomicLong readMisses = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();
    private volatile int preferredEndpoint;
    private volatile boolean running;
    private long startedNanos;
    private long lastAckNanos;
    private long longestGapNanos;
    private Thread writer;
    private Thread reader;
    private ProbeReport report;

    private WriteReadProbe(Builder builder) {
        this.endpoints = List.copyOf(builder.endpoints);
        this.indices = List.copyOf(builder.indices);
        this.writeInterval = builder.writeInterval;
        this.readInterval = builder.readInterval;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        indices.forEach(index -> acknowledgedIds.put(index, new ArrayList<>()));
    }

    /** A probe over these node endpoints (failover in this order, starting at the first). */
    public static Builder builder(List<URI> endpoints) {
        return new Builder(endpoints);
    }

    /** A probe over every node of the lab. */
    public static Builder builder(OpenSearchLab lab) {
        return new Builder(lab.httpEndpoints());
    }

    private synchronized WriteReadProbe begin() {
        startedNanos = System.nanoTime();
        lastAckNanos = startedNanos;
        running = true;
        writer = new Thread(this::writeLoop, "write-read-probe-writer");
        reader = new Thread(this::readLoop, "write-read-probe-reader");
        writer.setDaemon(true);
        reader.setDaemon(true);
        writer.start();
        reader.start();
        return this;
    }

    /** Stops writing and reading (waits for the in-flight requests) and returns the report; idempotent. */
    public ProbeReport stop() {
        running = false;
        joinQuietly(writer);
        joinQuietly(reader);
        synchronized (this) {
            if (report == null) {
                report = current();
            }
            return report;
        }
    }

    /** The counts so far, without stopping (e.g. to wait until the first writes were acknowledged). */
    public synchronized ProbeReport current() {
        if (report != null) {
            return report;
        }
        long now = System.nanoTime();
        long gap = Math.max(longestGapNanos, now - lastAckNanos);
        Map<String, Long> counts = new LinkedHashMap<>();
        acknowledgedIds.forEach((index, ids) -> counts.put(index, (long) ids.size()));
        return new ProbeReport(Duration.ofNanos(now - startedNanos), counts, writeFailures.get(), reads.get(),
                readFailures.get(), readMisses.get(), failovers.get(), Duration.ofNanos(gap), failureSamples);
    }

    /**
     * Refreshes the probe's indices and checks that every acknowledged document id is present. Call after
     * {@link #stop()} (it stops the probe first if it still runs).
     */
    public ProbeVerification verify() {
        stop();
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        Map<String, Long> present = new LinkedHashMap<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String index : indices) {
            List<String> ids;
            synchronized (this) {
                ids = List.copyOf(acknowledgedIds.get(index));
            }
            acknowledged.put(index, (long) ids.size());
            Answer refresh = send("POST", "/" + index + "/_refresh", null);
            if (!refresh.ok()) {
                throw new OpsException("refresh of " + index + " failed: " + refresh.describe());
            }
            List<String> absent = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += MGET_BATCH) {
                absent.addAll(absentIds(index, ids.subList(from, Math.min(ids.size(), from + MGET_BATCH))));
            }
            present.put(index, (long) (ids.size() - absent.size()));
            if (!absent.isEmpty()) {
                missing.put(index, absent.subList(0, Math.min(20, absent.size())));
            }
        }
        return new ProbeVerification(acknowledged, present, missing);
    }

    /** Stops the probe. */
    @Override
    public void close() {
        stop();
    }

    private List<String> absentIds(String index, List<String> ids) {
        Map<String, Object> body = Map.of("ids", ids);
        Answer answer = send("POST", "/" + index + "/_mget?_source=false&realtime=false", toJson(body));
        if (!answer.ok()) {
            throw new OpsException("mget on " + index + " failed: " + answer.describe());
        }
        List<String> absent = new ArrayList<>();
        try {
            for (JsonNode doc : JSON.readTree(answer.body).path("docs")) {
                if (!doc.path("found").asBoolean(false)) {
                    absent.add(doc.path("_id").asText());
                }
            }
        } catch (IOException e) {
            throw new OpsException("unreadable mget answer from " + index + ": " + e.getMessage(), e);
        }
        return absent;
    }

    private void writeLoop() {
        long sequence = 0;
        while (running) {
            String index = indices.get((int) (sequence % indices.size()));
            String id = "probe-" + sequence;
            sequence++;
            String body = "{\"seq\":" + sequence + ",\"message\":\"probe write " + id + "\",\"@timestamp\":"
                    + System.currentTimeMillis() + "}";
            Answer answer = send("PUT", "/" + index + "/_doc/" + id, body);
            synchronized (this) {
                if (answer.ok()) {
                    long now = System.nanoTime();
                    longestGapNanos = Math.max(longestGapNanos, now - lastAckNanos);
                    lastAckNanos = now;
                    acknowledgedIds.get(index).add(id);
                } else {
                    writeFailures.incrementAndGet();
                    sample("write " + index + "/" + id + ": " + answer.describe());
                }
            }
            pause(writeInterval);
        }
    }

    private void readLoop() {
        while (running) {
            String index = null;
            String id = null;
            synchronized (this) {
                List<String> candidates = new ArrayList<>();
                acknowledgedIds.forEach((name, ids) -> {
                    if (!ids.isEmpty()) {
                        candidates.add(name);
                    }
                });
                if (!candidates.isEmpty()) {
                    index = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
                    List<String> ids = acknowledgedIds.get(index);
                    id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                }
            }
            if (id != null) {
                reads.incrementAndGet();
                Answer answer = send("GET", "/" + index + "/_doc/" + id + "?_source=false", null);
                if (answer.status == 404) {
                    readMisses.incrementAndGet();
                    sample("read " + index + "/" + id + ": not found");
                } else if (!answer.ok()) {
                    readFailures.incrementAndGet();
                    sample("read " + index + "/" + id + ": " + answer.describe());
                }
            }
            pause(readInterval);
        }
    }

    /** Sends to the preferred node, then each other node once, moving on after errors a client fails over on. */
    private Answer send(String method, String path, String body) {
        Answer last = null;
        int first = preferredEndpoint;
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int slot = (first + attempt) % endpoints.size();
            last = sendOnce(endpoints.get(slot), method, path, body);
            if (!last.failoverWorthy()) {
                preferredEndpoint = slot;
                return last;
            }
            failovers.incrementAndGet();
        }
        preferredEndpoint = (first + 1) % endpoints.size();
        return last;
    }

    private Answer sendOnce(URI endpoint, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(requestTimeout);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, "", endpoint + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }

    private void sample(String failure) {
        if (failureSamples.size() < MAX_FAILURE_SAMPLES) {
            failureSamples.add(failure);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new OpsException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One HTTP answer; status -1 when no answer arrived. */
    private static final class Answer {
        final int status;
        final String body;
        final String error;

        Answer(int status, String body, String error) {
            this.status = status;
            this.body = body;
            this.error = error;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean failoverWorthy() {
            return status == -1 || status == 429 || status >= 500;
        }

        String describe() {
            if (status == -1) {
                return error;
            }
            return "HTTP " + status + " " + body.substring(0, Math.min(200, body.length()));
        }
    }

    /** Options of a probe; {@link #start()} launches it. */
    public static final class Builder {
        private final List<URI> endpoints;
        private List<String> indices = List.of("probe");
        private Duration writeInterval = Duration.ofMillis(25);
        private Duration readInterval = Duration.ofMillis(25);
        private Duration requestTimeout = Duration.ofSeconds(15);

        private Builder(List<URI> endpoints) {
            this.endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
            if (this.endpoints.isEmpty()) {
                throw new OpsValidationException("a probe needs at least one node endpoint");
            }
        }

        /** Indices written round-robin (default {@code probe}). */
        public Builder indices(List<String> indices) {
            List<String> copy = List.copyOf(Objects.requireNonNull(indices, "indices"));
            if (copy.isEmpty()) {
                throw new OpsValidationException("a probe needs at least one index");
            }
            this.indices = copy;
            return this;
        }

        /** Pause after each write (default 25 ms, at least 5 ms). */
        public Builder writeInterval(Duration writeInterval) {
            this.writeInterval = bounded(writeInterval, "writeInterval");
            return this;
        }

        /** Pause after each read (default 25 ms, at least 5 ms). */
        public Builder readInterval(Duration readInterval) {
            this.readInterval = bounded(readInterval, "readInterval");
            return this;
        }

        /** Timeout of one request to one node before failing over (default 15 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = bounded(requestTimeout, "requestTimeout");
            return this;
        }

        /** Starts writing and reading in two background threads. */
        public WriteReadProbe start() {
            return new WriteReadProbe(this).begin();
        }

        private static Duration bounded(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.toMillis() < 5) {
                throw new OpsValidationException(name + " must be at least 5 ms, was " + value);
            }
            return value;
        }
    }
}
