package io.opsstack.victoria;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.opsstack.api.error.OpsValidationException;

/**
 * An instant query ({@code /api/v1/query}): MetricsQL/PromQL text, optional evaluation time, and
 * the VictoriaMetrics options {@code deny_partial_response} (fail instead of answering without some
 * vmstorage nodes) and {@code nocache}. Immutable; the builder is not thread-safe.
 */
public final class InstantQuery {
    private final String query;
    private final Instant time;
    private final Duration timeout;
    private final boolean denyPartialResponse;
    private final boolean noCache;

    private InstantQuery(Builder b) {
        this.query = b.query;
        this.time = b.time;
        this.timeout = b.timeout;
        this.denyPartialResponse = b.denyPartialResponse;
        this.noCache = b.noCache;
    }

    public static InstantQuery of(String query) {
        return builder().query(query).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().query(query).time(time).timeout(timeout).denyPartialResponse(denyPartialResponse).noCache(noCache);
    }

    public String query() {
        return query;
    }

    /** Evaluation time; the server's now when empty. */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** The server-side query timeout ({@code timeout=}). */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public boolean denyPartialResponse() {
        return denyPartialResponse;
    }

    public boolean noCache() {
        return noCache;
    }

    @Override
    public String toString() {
        return "InstantQuery[" + query + (time == null ? "" : " @" + time) + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String query;
        private Instant time;
        private Duration timeout;
        private boolean denyPartialResponse;
        private boolean noCache;

        private Builder() {
        }

        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /** May be null for "now". */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /** May be null for the server default. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder denyPartialResponse(boolean denyPartialResponse) {
            this.denyPartialResponse = denyPartialResponse;
            return this;
        }

        public Builder noCache(boolean noCache) {
            this.noCache = noCache;
            return this;
        }

        public InstantQuery build() {
            if (query == null || query.isBlank()) {
                throw new OpsValidationException("query text must not be blank");
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new OpsValidationException("query timeout must be positive");
            }
            return new InstantQuery(this);
        }
    }

    static String requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new OpsValidationException(what + " must not be blank");
        }
        return value;
    }
}
