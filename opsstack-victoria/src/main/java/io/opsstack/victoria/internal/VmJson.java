package io.opsstack.victoria.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.victoria.model.NameCount;
import io.opsstack.victoria.model.SeriesSamples;

/** Jackson behind the typed clients: answers to trees, label maps, and the JSON-line series format. */
public final class VmJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EXCERPT = 300;

    private VmJson() {
    }

    /** Parses a JSON document; a non-JSON answer is an {@link OpsException} naming the call. */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new OpsException(what + " returned an empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OpsException(what + " did not return JSON: " + Redaction.excerpt(text, EXCERPT), e);
        }
    }

    /** A JSON object of strings as an ordered map. */
    public static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.properties().forEach(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return List.copyOf(out);
    }

    public static List<NameCount> nameCounts(JsonNode array) {
        List<NameCount> out = new ArrayList<>();
        array.forEach(item -> out.add(new NameCount(item.path("name").asText(), item.path("value").asLong())));
        return List.copyOf(out);
    }

    /** Parses export output: one JSON object per line, blank lines skipped. */
    public static List<SeriesSamples> seriesLines(String body, String what) {
        List<SeriesSamples> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line, what);
            List<Double> values = new ArrayList<>();
            node.path("values").forEach(value -> values.add(value.isNumber() ? value.asDouble() : parseDouble(value.asText())));
            List<Long> timestamps = new ArrayList<>();
            node.path("timestamps").forEach(ts -> timestamps.add(ts.asLong()));
            out.add(new SeriesSamples(labels(node.path("metric")), values, timestamps));
        }
        return List.copyOf(out);
    }

    /** Writes series as import JSON lines. */
    public static String toLines(List<SeriesSamples> series) {
        StringBuilder out = new StringBuilder();
        for (SeriesSamples samples : series) {
            ObjectNode line = MAPPER.createObjectNode();
            ObjectNode metric = line.putObject("metric");
            samples.metric().forEach(metric::put);
            ArrayNode values = line.putArray("values");
            samples.values().forEach(value -> {
                if (Double.isFinite(value)) {
                    values.add(value);
                } else {
                    values.add(value.isNaN() ? "NaN" : value > 0 ? "Inf" : "-Inf");
                }
            });
            ArrayNode timestamps = line.putArray("timestamps");
            samples.timestamps().forEach(timestamps::add);
            try {
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new OpsException("cannot write import line for " + samples.metric(), e);
            }
        }
        return out.toString();
    }

    /** A Prometheus API number: decimal, {@code NaN}, {@code +Inf}/{@code Inf}, {@code -Inf}. */
    public static double parseDouble(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
