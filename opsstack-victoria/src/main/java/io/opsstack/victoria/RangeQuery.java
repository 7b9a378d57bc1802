package io.opsstack.victoria;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.opsstack.api.error.OpsValidationException;

/**
 * A range query ({@code /api/v1/query_range}): text, start, end and step, plus
 * {@code deny_partial_response} and {@code nocache}. Immutable; the builder is not thread-safe.
 */
public final class RangeQuery {
    private final String query;
    private final Instant start;
    private final Instant end;
    private final Duration step;
    private final Duration timeout;
    private final boolean denyPartialResponse;
    private final boolean noCache;

    private RangeQuery(Builder b) {
        this.query = b.query;
        this.start = b.start;
        this.end = b.end;
        this.step = b.step;
        this.timeout = b.timeout;
        this.denyPartialResponse = b.denyPartialResponse;
        this.noCache = b.noCache;
    }

    public static RangeQuery of(String query, Instant start, Instant end, Duration step) {
        return builder().query(query).start(start).end(end).step(step).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().query(query).start(start).end(end).step(step).timeout(timeout)
                .denyPartialResponse(denyPartialResponse).noCache(noCache);
    }

    public String query() {
        return query;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public Duration step() {
        return step;
    }

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
        return "RangeQuery[" + query + " " + start + ".." + end + " step " + step + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String query;
        private Instant start;
        private Instant end;
        private Duration step;
        private Duration timeout;
        private boolean denyPartialResponse;
        private boolean noCache;

        private Builder() {
        }

        public Builder query(String query) {
            this.query = query;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        public Builder step(Duration step) {
            this.step = step;
            return this;
        }

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

        public RangeQuery build() {
            InstantQuery.requireText(query, "query text");
            if (start == null || end == null || step == null) {
                throw new OpsValidationException("a range query needs start, end and step");
            }
            if (end.isBefore(start)) {
                throw new OpsValidationException("range query end " + end + " is before start " + start);
            }
            if (step.isNegative() || step.isZero()) {
                throw new OpsValidationException("range query step must be positive, was " + step);
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new OpsValidationException("query timeout must be positive");
            }
            return new RangeQuery(this);
        }
    }
}
