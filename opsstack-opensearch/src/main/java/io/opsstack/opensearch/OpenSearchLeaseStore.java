package io.opsstack.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.lease.Lease;
import io.opsstack.api.lease.LeaseStore;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LeaseStore} kept in the cluster itself, so applies from different machines exclude each
 * other: one document per target in a dedicated index ({@value #DEFAULT_INDEX}, one shard, a replica
 * on every node via {@code auto_expand_replicas: 0-all}). Acquiring creates the document with
 * {@code op_type=create} (exactly one concurrent creator wins); renewing and taking over an expired
 * lease are conditional writes ({@code if_seq_no}/{@code if_primary_term}), so a lease taken over
 * by someone else is noticed, never overwritten. Each acquisition writes its own {@code lease_id}, so a write of
 * this lease that reached the cluster while its answer was lost is recognised at the next conflict. Expiry is judged
 * by this machine's clock.
 *
 * <p>Obtained from {@link OpenSearchOps#leaseStore()}; thread-safe.
 */
public final class OpenSearchLeaseStore implements LeaseStore {
    public static final String DEFAULT_INDEX = ".opsstack-leases";
    private static final String INDEX_SETTLE_WAIT = "30s";
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchLeaseStore.class);
    private static final int MAX_ROUNDS = 3;
    private static final int MAX_REFUSED_CONNECTIONS = 5;

    private final RestClient rest;
    private final String index;
    private final Clock clock;

    OpenSearchLeaseStore(RestClient rest, String index, Clock clock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The index holding the leases. */
    public String index() {
        return index;
    }

    @Override
    public Lease acquire(String target, String owner, String operationId, Duration ttl) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(operationId, "operationId");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new OpsValidationException("lease ttl must be positive, got " + ttl);
        }
        ensureIndex();
        String leaseId = UUID.randomUUID().toString();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant expiresAt = clock.instant().plus(ttl);
            HttpResponse created = sendWrite(HttpRequest.put(docPath("_create", target)).allowStatus(409)
                    .body(document(target, owner, operationId, leaseId, expiresAt)).idempotent(false).build());
            if (created.isSuccess()) {
                return new StoredLease(target, owner, operationId, leaseId, ttl, expiresAt, version(created));
            }
            StoredDoc current = read(target);
            if (current == null) {
                continue;
            }
            if (current.expiresAt.isAfter(clock.instant())) {
                throw new LeaseHeldException(target, current.owner, current.operationId, current.expiresAt);
            }
            HttpResponse taken = sendWrite(conditionalPut(target, current.version(),
                    document(target, owner, operationId, leaseId, expiresAt)));
            if (taken.isSuccess()) {
                LOG.warn("took over the expired lease on {} held by {} for operation {} (expired {})",
                        target, current.owner, current.operationId, current.expiresAt);
                return new StoredLease(target, owner, operationId, leaseId, ttl, expiresAt, version(taken));
            }
        }
        StoredDoc holder = read(target);
        if (holder != null) {
            throw new LeaseHeldException(target, holder.owner, holder.operationId, holder.expiresAt);
        }
        throw new OpsException("the lease on " + target + " changed hands " + MAX_ROUNDS + " times while acquiring it");
    }

    private void ensureIndex() {
        if (rest.send(HttpRequest.head("/" + index).allowStatus(404).build()).isSuccess()) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("index.number_of_shards", 1);
        settings.put("index.auto_expand_replicas", "0-all");
        settings.put("index.hidden", true);
        HttpResponse response = sendWrite(HttpRequest.put("/" + index).body(Json.write(Map.of("settings", settings)))
                .allowStatus(400).idempotent(false).build());
        if (!response.isSuccess() && !response.bodyAsString().contains("resource_already_exists_exception")) {
            throw new OpsException("could not create the lease index " + index + ": " + response.bodyAsString());
        }
        // Its replicas (one per node) initialise after the create: an operation's first guard that wants a
        // settled cluster (rolling restart pre-flight) would fail on them. Bounded; a timeout (408) is fine.
        rest.send(HttpRequest.get("/_cluster/health/" + index).query("wait_for_status", "green")
                .query("wait_for_no_initializing_shards", "true").query("timeout", INDEX_SETTLE_WAIT)
                .allowStatus(408).build());
    }

    /**
     * Sends a lease write, which is never retried: the same write could apply twice. A refused connection
     * never reached a server, though, so the write goes on to the next node (the transport rotates its
     * endpoints per call): one node down must not block taking, renewing or releasing a lease.
     */
    private HttpResponse sendWrite(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rest.send(request);
            } catch (OpsConnectException e) {
                if (!(e.getCause() instanceof ConnectException) || attempt >= MAX_REFUSED_CONNECTIONS) {
                    throw e;
                }
                LOG.debug("lease write {} refused by a node, sending it to the next: {}", request.describe(), e.getMessage());
            }
        }
    }

    private StoredDoc read(String target) {
        HttpResponse response = rest.send(HttpRequest.get(docPath("_doc", target)).allowStatus(404).build());
        if (!response.isSuccess()) {
            return null;
        }
        JsonNode root = Json.parse(response.bodyAsString(), "lease document");
        if (!Json.boolOr(root, "found", false)) {
            return null;
        }
        JsonNode source = root.path("_source");
        Long expires = Json.longOrNull(source, "expires_at_millis");
        return new StoredDoc(String.valueOf(Json.text(source, "owner")), String.valueOf(Json.text(source, "operation_id")),
                Json.text(source, "lease_id"),
                Instant.ofEpochMilli(expires == null ? 0 : expires), version(root));
    }

    private static long[] version(HttpResponse response) {
        return version(Json.parse(response.bodyAsString(), "lease write"));
    }

    private static long[] version(JsonNode root) {
        Long seqNo = Json.longOrNull(root, "_seq_no");
        Long term = Json.longOrNull(root, "_primary_term");
        if (seqNo == null || term == null) {
            throw new OpsException("lease answer lacks _seq_no/_primary_term: " + Json.excerpt(root));
        }
        return new long[] {seqNo, term};
    }

    private static String document(String target, String owner, String operationId, String leaseId, Instant expiresAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", target);
        doc.put("owner", owner);
        doc.put("operation_id", operationId);
        doc.put("lease_id", leaseId);
        doc.put("expires_at_millis", expiresAt.toEpochMilli());
        doc.put("expires_at", expiresAt.toString());
        return Json.write(doc);
    }

    /** A write of the lease document that applies only while the document is still at {@code version}; a 409 otherwise. */
    private HttpRequest conditionalPut(String target, long[] version, String body) {
        return atVersion(HttpRequest.put(docPath("_doc", target)), version).allowStatus(409).body(body)
                .idempotent(false).build();
    }

    /** Makes a write apply only while the document is still at {@code version} ({@code seq_no}, {@code primary_term}). */
    private static HttpRequest.Builder atVersion(HttpRequest.Builder write, long[] version) {
        return write.query("if_seq_no", String.valueOf(version[0])).query("if_primary_term", String.valueOf(version[1]));
    }

    private String docPath(String endpoint, String target) {
        return "/" + index + "/" + endpoint + "/" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OpenSearchLeaseStore[" + index + "]";
    }

    /** A lease document as read; {@code leaseId} identifies one acquisition (null in documents without it). */
    private record StoredDoc(String owner, String operationId, String leaseId, Instant expiresAt, long seqNo, long primaryTerm) {
        StoredDoc(String owner, String operationId, String leaseId, Instant expiresAt, long[] version) {
            this(owner, operationId, leaseId, expiresAt, version[0], version[1]);
        }

        long[] version() {
            return new long[] {seqNo, primaryTerm};
        }
    }

    private final class StoredLease implements Lease {
        private final String target;
        private final String owner;
        private final String operationId;
        private final String leaseId;
        private final Duration ttl;
        private Instant expiresAt;
        private long[] version;
        private boolean released;

        StoredLease(String target, String owner, String operationId, String leaseId, Duration ttl, Instant expiresAt,
                    long[] version) {
            this.target = target;
            this.owner = owner;
            this.operationId = operationId;
            this.leaseId = leaseId;
            this.ttl = ttl;
            this.expiresAt = expiresAt;
            this.version = version;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public String holder() {
            return owner;
        }

        @Override
        public String operationId() {
            return operationId;
        }

        @Override
        public synchronized Instant expiresAt() {
            return expiresAt;
        }

        @Override
        public synchronized void renew() {
            Instant next = clock.instant().plus(ttl);
            String body = document(target, owner, operationId, leaseId, next);
            HttpResponse response = sendWrite(conditionalPut(target, version, body));
            StoredDoc holder = response.isSuccess() ? null : read(target);
            if (adoptOwnWrite(holder)) {
                response = sendWrite(conditionalPut(target, version, body));
                holder = response.isSuccess() ? null : read(target);
            }
            if (!response.isSuccess()) {
                throw new LeaseHeldException(target, holder == null ? "nobody" : holder.owner,
                        holder == null ? "none" : holder.operationId, holder == null ? Instant.EPOCH : holder.expiresAt);
            }
            version = version(response);
            expiresAt = next;
        }

        @Override
        public synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            if (sendWrite(removal()).statusCode() == 409 && adoptOwnWrite(read(target))) {
                sendWrite(removal());
            }
        }

        private HttpRequest removal() {
            return atVersion(HttpRequest.delete(docPath("_doc", target)), version).allowStatus(404, 409)
                    .idempotent(false).build();
        }

        /**
         * After a version conflict, given the document as read: if it still carries this acquisition's lease id, the
         * conflict is an earlier write of this lease that reached the cluster although its answer was lost (a timeout,
         * a reset). The lease takes that version, so renewing and releasing go on; nobody else has held it since, as
         * any other acquisition writes its own lease id.
         */
        private boolean adoptOwnWrite(StoredDoc current) {
            if (current == null || !leaseId.equals(current.leaseId)) {
                return false;
            }
            version = current.version();
            return true;
        }

        @Override
        public String toString() {
            return "Lease[" + target + " held by " + owner + " for " + operationId + "]";
        }
    }
}
