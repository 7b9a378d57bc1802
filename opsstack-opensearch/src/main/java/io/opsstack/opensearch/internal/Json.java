package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsstack.api.secret.Redaction;
import io.opsstack.opensearch.OpenSearchResponseException;

/** Lenient tree reading of OpenSearch answers: unknown fields are ignored, required ones checked. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final int EXCERPT = 300;

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses {@code body} or fails with an {@link OpenSearchResponseException} naming {@code what}. */
    public static JsonNode parse(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new OpenSearchResponseException("empty answer to " + what);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OpenSearchResponseException("malformed JSON answer to " + what + ": "
                    + Redaction.excerpt(body, EXCERPT), e, null);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    /** Text of a field; null when missing, JSON null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    public static String requireText(JsonNode node, String field, String what) {
        String s = text(node, field);
        if (s == null) {
            throw new OpenSearchResponseException(what + " lacks '" + field + "'");
        }
        return s;
    }

    /** Integer field (number or numeric string); {@code fallback} when missing. */
    public static int intOr(JsonNode node, String field, int fallback) {
        Long v = longOrNull(node, field);
        return v == null ? fallback : Math.toIntExact(v);
    }

    /** Long field (number or numeric string); null when missing or empty. */
    public static Long longOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new OpenSearchResponseException("field '" + field + "' is not a whole number: '"
                    + Redaction.excerpt(s, 40) + "'");
        }
    }

    public static boolean boolOr(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
    }

    /** Excerpt of a node for error messages (bounded, redacted). */
    public static String excerpt(JsonNode node) {
        return Redaction.excerpt(node.toString(), EXCERPT);
    }
}
