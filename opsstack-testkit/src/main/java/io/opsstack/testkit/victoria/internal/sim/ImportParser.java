package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses the import formats the simulated vminsert accepts: Prometheus text and JSON lines. */
final class ImportParser {

    /** One sample to store. */
    record Row(Map<String, String> labels, long timestamp, double value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportParser() {
    }

    /** {@code name{l="v"} value [timestamp_ms]} lines; comments skipped; missing timestamps get {@code now}. */
    static List<Row> prometheus(String body, long now) {
        List<Row> rows = new ArrayList<>();
        for (String raw : body.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String series = close >= 0 ? line.substring(0, close + 1) : line.substring(0, line.indexOf(' '));
            String[] rest = line.substring(series.length()).trim().split("\\s+");
            Map<String, String> labels = labels(series);
            double value = Double.parseDouble(rest[0]);
            long timestamp = rest.length > 1 ? Long.parseLong(rest[1]) : now;
            rows.add(new Row(labels, timestamp, value));
        }
        return rows;
    }

    /** {@code {"metric":{...},"values":[...],"timestamps":[...]}} lines. */
    static List<Row> jsonLines(String body) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            Map<String, String> labels = new LinkedHashMap<>();
            node.path("metric").properties().forEach(field -> labels.put(field.getKey(), field.getValue().asText()));
            JsonNode values = node.path("values");
            JsonNode timestamps = node.path("timestamps");
            for (int i = 0; i < values.size(); i++) {
                rows.add(new Row(labels, timestamps.path(i).asLong(), values.path(i).asDouble()));
            }
        }
        return rows;
    }

    private static Map<String, String> labels(String series) {
        Map<String, String> labels = new LinkedHashMap<>();
        int brace = series.indexOf('{');
        labels.put("__name__", (brace < 0 ? series : series.substring(0, brace)).trim());
        if (brace < 0) {
            return labels;
        }
        String body = series.substring(brace + 1, series.length() - 1);
        int i = 0;
        while (i < body.length()) {
            int equals = body.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = body.substring(i, equals).replace(",", "").trim();
            int quote = body.indexOf('"', equals);
            StringBuilder value = new StringBuilder();
            int j = quote + 1;
            while (j < body.length() && body.charAt(j) != '"') {
                char c = body.charAt(j++);
                value.append(c == '\\' && j < body.length() ? body.charAt(j++) : c);
            }
            labels.put(name, value.toString());
            i = j + 1;
        }
        return labels;
    }
}
