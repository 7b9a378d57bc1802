package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.opensearch.policy.IndexAge;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the coming days' daily indices ahead of time, so the first write after midnight does not
 * wait for an index to be created and its shards allocated.
 *
 * @param namePatterns daily name patterns such as {@code logs-yyyy.MM.dd} (see {@link IndexAge#fromName})
 * @param days how many days ahead, from tomorrow (1 = tomorrow only)
 * @param template a composable index template that must exist and match each new name; null for none
 * @param settings explicit index settings (flat or nested keys), applied on top of any template
 * @param asOf the day counted from (UTC); null = when the plan is made
 */
public record PreCreateIndicesRequest(List<String> namePatterns, int days, String template, Map<String, Object> settings,
                                      Instant asOf) implements Serializable {

    public PreCreateIndicesRequest {
        namePatterns = List.copyOf(namePatterns == null ? List.of() : namePatterns);
        if (namePatterns.isEmpty()) {
            throw new OpsValidationException("pre-creating indices needs at least one daily name pattern such as logs-yyyy.MM.dd");
        }
        namePatterns.forEach(IndexAge::fromName);
        if (days < 1 || days > 31) {
            throw new OpsValidationException("pre-create days must be between 1 and 31, was " + days);
        }
        if (template != null && template.isBlank()) {
            template = null;
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Keys: {@code name_patterns} (list or comma text), {@code days}, {@code template}, {@code settings} (map),
     * {@code as_of} (ISO instant).
     */
    @SuppressWarnings("unchecked")
    public static PreCreateIndicesRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue; // the toMap form writes null for "not set"
            }
            switch (entry.getKey()) {
                case "name_patterns" -> (value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value).split(","))).forEach(p -> builder.namePattern(p.trim()));
                case "days" -> builder.days(OptionMaps.integer(map, "days"));
                case "template" -> builder.template(value == null ? null : String.valueOf(value));
                case "settings" -> {
                    if (!(value instanceof Map<?, ?> m)) {
                        throw new OpsValidationException("pre-create 'settings' must be a map");
                    }
                    builder.settings((Map<String, Object>) m);
                }
                case "as_of" -> builder.asOf(RequestChecks.instant(map, "as_of"));
                default -> throw new OpsValidationException("unknown pre-create option '" + entry.getKey()
                        + "'; known: name_patterns, days, template, settings, as_of");
            }
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name_patterns", namePatterns);
        map.put("days", days);
        map.put("template", template);
        map.put("settings", new LinkedHashMap<>(settings));
        map.put("as_of", asOf == null ? null : asOf.toString());
        return map;
    }

    /** Builder for {@link PreCreateIndicesRequest}; not thread-safe. */
    public static final class Builder {
        private final List<String> namePatterns = new ArrayList<>();
        private int days = 1;
        private String template;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private Instant asOf;

        private Builder() {
        }

        public Builder namePattern(String namePattern) {
            namePatterns.add(namePattern);
            return this;
        }

        public Builder days(int days) {
            this.days = days;
            return this;
        }

        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public Builder settings(Map<String, ?> values) {
            settings.putAll(values);
            return this;
        }

        public Builder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public Builder asOf(Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        public PreCreateIndicesRequest build() {
            return new PreCreateIndicesRequest(namePatterns, days, template, settings, asOf);
        }
    }
}
