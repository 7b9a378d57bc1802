package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ism.TimeValues;
import io.opsstack.opensearch.policy.IndexAge;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Closes (or opens) the indices whose age lies in {@code [minAge, maxAge)}: e.g. close daily
 * indices older than 30 days, or open last quarter's closed indices for an investigation.
 *
 * @param indices index patterns; empty = the age's name pattern ({@code logs-*} for {@code logs-yyyy.MM.dd})
 * @param age where ages count from (a date in the name, or the creation date)
 * @param maxAge exclusive upper age bound; null = no bound
 * @param asOf the moment ages are measured at; null = when the plan is made
 */
public record IndexOpenCloseRequest(Action action, List<String> indices, IndexAge age, Duration minAge, Duration maxAge,
                                    Instant asOf) implements Serializable {

    /** What to do with the selected indices. */
    public enum Action { OPEN, CLOSE }

    public IndexOpenCloseRequest {
        if (action == null) {
            throw new OpsValidationException("open/close needs an action (open or close)");
        }
        age = age == null ? IndexAge.creationDate() : age;
        indices = List.copyOf(indices == null || indices.isEmpty()
                ? (age.indexPattern() == null ? List.of() : List.of(age.indexPattern())) : indices);
        if (indices.isEmpty() || indices.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new OpsValidationException("open/close needs index patterns, or an age from a name pattern such as logs-yyyy.MM.dd");
        }
        if (minAge == null || minAge.isNegative()) {
            throw new OpsValidationException("open/close minimum age must be zero or positive, was " + minAge);
        }
        if (maxAge != null && maxAge.compareTo(minAge) <= 0) {
            throw new OpsValidationException("open/close maximum age " + maxAge + " must exceed the minimum age " + minAge);
        }
    }

    /** Closes open indices at least {@code minAge} old. */
    public static Builder close(Duration minAge) {
        return new Builder(Action.CLOSE).minAge(minAge);
    }

    /** Opens closed indices at least {@code minAge} old (add {@link Builder#maxAge} to bound the range). */
    public static Builder open(Duration minAge) {
        return new Builder(Action.OPEN).minAge(minAge);
    }

    /**
     * Keys: {@code action} ({@code open}/{@code close}), {@code indices}, {@code age_from} ({@code creation_date} or a
     * name pattern), {@code min_age}, {@code max_age} (time values such as {@code 30d}), {@code as_of}.
     */
    public static IndexOpenCloseRequest fromMap(Map<String, ?> map) {
        Object action = map.get("action");
        Builder builder = new Builder(action == null ? null : action(action));
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "action" -> { }
                case "indices" -> (value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value).split(","))).forEach(p -> builder.indices(p.trim()));
                case "age_from" -> builder.age(IndexAge.parse(String.valueOf(value)));
                case "min_age" -> builder.minAge(TimeValues.fromObject(value, "min_age"));
                case "max_age" -> builder.maxAge(value == null ? null : TimeValues.fromObject(value, "max_age"));
                case "as_of" -> builder.asOf(RequestChecks.instant(map, "as_of"));
                default -> throw new OpsValidationException("unknown open/close option '" + entry.getKey()
                        + "'; known: action, indices, age_from, min_age, max_age, as_of");
            }
        }
        return builder.build();
    }

    private static Action action(Object value) {
        try {
            return Action.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("open/close 'action' must be open or close, was '" + value + "'");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.name().toLowerCase(Locale.ROOT));
        map.put("indices", indices);
        map.put("age_from", age.text());
        map.put("min_age", TimeValues.format(minAge));
        map.put("max_age", maxAge == null ? null : TimeValues.format(maxAge));
        map.put("as_of", asOf == null ? null : asOf.toString());
        return map;
    }

    /** Builder for {@link IndexOpenCloseRequest}; not thread-safe. */
    public static final class Builder {
        private final Action action;
        private final List<String> indices = new ArrayList<>();
        private IndexAge age = IndexAge.creationDate();
        private Duration minAge = Duration.ZERO;
        private Duration maxAge;
        private Instant asOf;

        private Builder(Action action) {
            this.action = action;
        }

        public Builder indices(String pattern) {
            indices.add(pattern);
            return this;
        }

        public Builder age(IndexAge age) {
            this.age = age;
            return this;
        }

        public Builder minAge(Duration minAge) {
            this.minAge = minAge;
            return this;
        }

        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public Builder asOf(Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        public IndexOpenCloseRequest build() {
            return new IndexOpenCloseRequest(action, indices, age, minAge, maxAge, asOf);
        }
    }
}
