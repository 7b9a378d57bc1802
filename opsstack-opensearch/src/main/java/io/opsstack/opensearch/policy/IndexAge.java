package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where an index's age counts from: its creation date, or a date in its name. A name pattern is a
 * literal prefix followed by a date pattern starting with {@code yyyy}, e.g. {@code logs-yyyy.MM.dd}
 * ({@code logs-2026.11.21} is 1 day old on 2026-11-22); dates in names are UTC.
 *
 * @param namePattern the name pattern; null for {@link Source#CREATION_DATE}
 */
public record IndexAge(Source source, String namePattern) implements Serializable {

    /** The two age sources. */
    public enum Source { CREATION_DATE, INDEX_NAME }

    public IndexAge {
        if (source == null) {
            throw new OpsValidationException("index age needs a source");
        }
        if (source == Source.INDEX_NAME) {
            formatter(namePattern);
        } else if (namePattern != null) {
            throw new OpsValidationException("an age from the creation date takes no name pattern");
        }
    }

    public static IndexAge creationDate() {
        return new IndexAge(Source.CREATION_DATE, null);
    }

    /** Age from the date in the name, e.g. {@code fromName("logs-yyyy.MM.dd")}. */
    public static IndexAge fromName(String namePattern) {
        return new IndexAge(Source.INDEX_NAME, namePattern);
    }

    /** {@code "creation_date"}, or the name pattern. */
    public static IndexAge parse(String text) {
        return text == null || text.isBlank() || "creation_date".equals(text.trim())
                ? creationDate() : fromName(text.trim());
    }

    /** The literal part of the name before its date ({@code logs-}); empty for creation dates. */
    public String prefix() {
        return source == Source.CREATION_DATE ? "" : namePattern.substring(0, dateStart(namePattern));
    }

    /** The index pattern of the names this age reads ({@code logs-*}); null for creation dates. */
    public String indexPattern() {
        return source == Source.CREATION_DATE ? null : prefix() + "*";
    }

    /** A parser for names of this pattern; create it once and reuse it for many names. */
    public NameDates nameDates() {
        if (source != Source.INDEX_NAME) {
            throw new IllegalStateException("an age from the creation date reads no dates from names");
        }
        return new NameDates(prefix(), formatter(namePattern));
    }

    /** The value {@link #parse} reads back. */
    public String text() {
        return source == Source.CREATION_DATE ? "creation_date" : namePattern;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.name().toLowerCase(Locale.ROOT));
        map.put("name_pattern", namePattern);
        return map;
    }

    private static int dateStart(String pattern) {
        int start = pattern.indexOf("yyyy");
        int u = pattern.indexOf("uuuu");
        return start < 0 ? u : (u < 0 ? start : Math.min(start, u));
    }

    private static DateTimeFormatter formatter(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new OpsValidationException("an age from the index name needs a name pattern such as logs-yyyy.MM.dd");
        }
        int start = dateStart(pattern);
        if (start < 0) {
            throw new OpsValidationException("index name pattern '" + pattern
                    + "' has no date: it needs a date part starting with yyyy, e.g. logs-yyyy.MM.dd");
        }
        if (start == 0 || pattern.substring(0, start).contains("*")) {
            throw new OpsValidationException("index name pattern '" + pattern
                    + "' needs a literal prefix without wildcards before its date, e.g. logs-yyyy.MM.dd");
        }
        try {
            return DateTimeFormatter.ofPattern(pattern.substring(start).replace("yyyy", "uuuu"))
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("index name pattern '" + pattern + "' has an invalid date part: " + e.getMessage());
        }
    }

    /** Reads and writes the dates of index names of one pattern; thread-safe. */
    public static final class NameDates {
        private final String prefix;
        private final DateTimeFormatter formatter;

        private NameDates(String prefix, DateTimeFormatter formatter) {
            this.prefix = prefix;
            this.formatter = formatter;
        }

        /** The UTC instant the name's date (and time, if the pattern has one) stands for; null when the name does not fit. */
        public Instant dateOf(String indexName) {
            if (!indexName.startsWith(prefix)) {
                return null;
            }
            try {
                TemporalAccessor parsed = formatter.parseBest(indexName.substring(prefix.length()),
                        LocalDateTime::from, LocalDate::from);
                LocalDateTime time = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
                return time.toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** The index name for {@code day}, e.g. {@code logs-2026.11.23}. */
        public String nameFor(LocalDate day) {
            return prefix + formatter.format(day.atStartOfDay());
        }
    }
}
