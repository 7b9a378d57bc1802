package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a settings object, nested ({@code {"cluster":{"routing":…}}}) or already flat, to
 * dotted keys. Arrays become comma-joined strings; JSON null values are skipped.
 */
public final class SettingsFlattener {

    private SettingsFlattener() {
    }

    public static Map<String, String> flatten(JsonNode settings) {
        Map<String, String> out = new LinkedHashMap<>();
        if (settings != null && settings.isObject()) {
            flatten("", settings, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, out);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
                out.put(key, String.join(",", items));
            } else if (!value.isNull()) {
                out.put(key, value.asText());
            }
        }
    }
}
