package io.opsstack.victoria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.opsstack.api.error.OpsValidationException;

/**
 * Series selectors ({@code match[]}) and an optional time window, for series, labels, label values,
 * export and delete. Immutable; the builder is not thread-safe.
 */
public final class SeriesMatch {
    private final List<String> selectors;
    private final Instant start;
    private final Instant end;

    private SeriesMatch(Builder b) {
        this.selectors = List.copyOf(b.selectors);
        this.start = b.start;
        this.end = b.end;
    }

    /** Selectors such as {@code up{job="node"}}, no time window. */
    public static SeriesMatch of(String... selectors) {
        Builder b = builder();
        for (String selector : selectors) {
            b.selector(selector);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().start(start).end(end);
        b.selectors.addAll(selectors);
        return b;
    }

    public List<String> selectors() {
        return selectors;
    }

    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    @Override
    public String toString() {
        return "SeriesMatch" + selectors + (start == null ? "" : " from " + start) + (end == null ? "" : " to " + end);
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final List<String> selectors = new ArrayList<>();
        private Instant start;
        private Instant end;

        private Builder() {
        }

        public Builder selector(String selector) {
            selectors.add(InstantQuery.requireText(selector, "series selector"));
            return this;
        }

        /** May be null for no lower bound. */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /** May be null for no upper bound. */
        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        public SeriesMatch build() {
            if (start != null && end != null && end.isBefore(start)) {
                throw new OpsValidationException("series match end " + end + " is before start " + start);
            }
            return new SeriesMatch(this);
        }
    }
}
