package io.opsstack.api.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;

import java.util.Map;

/**
 * The one place the operation model touches Jackson: plain JDK maps to JSON text and back.
 * Public types convert themselves to maps; Jackson never appears in a public signature.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private Json() {
    }

    /** One-line JSON of a map built from JDK types. */
    public static String compact(Map<String, ?> map) {
        return write(MAPPER, map);
    }

    /** Indented JSON, for files a person may read. */
    public static String pretty(Map<String, ?> map) {
        return write(PRETTY, map);
    }

    /** Parses a JSON object into ordered maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> parseObject(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new OpsValidationException(what + " is empty");
        }
        try {
            Map<String, Object> map = MAPPER.readValue(json, MAP);
            if (map == null) {
                throw new OpsValidationException(what + " is not a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new OpsValidationException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String write(ObjectMapper mapper, Map<String, ?> map) {
        try {
            return mapper.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new OpsException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
