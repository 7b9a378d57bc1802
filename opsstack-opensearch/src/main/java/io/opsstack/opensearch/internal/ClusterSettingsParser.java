package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.ClusterSettings;

/** Reads {@code GET _cluster/settings}, flat or nested, with or without defaults. */
public final class ClusterSettingsParser {

    private ClusterSettingsParser() {
    }

    public static ClusterSettings parse(String body) {
        JsonNode root = Json.parse(body, "_cluster/settings");
        if (!root.isObject() || !root.has("persistent") || !root.has("transient")) {
            throw new OpenSearchResponseException("_cluster/settings answer lacks persistent/transient: "
                    + Json.excerpt(root));
        }
        return new ClusterSettings(SettingsFlattener.flatten(root.get("persistent")),
                SettingsFlattener.flatten(root.get("transient")),
                SettingsFlattener.flatten(root.get("defaults")));
    }
}
