package io.opsstack.opensearch.policy;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of ISM's add, remove, change_policy and retry calls.
 *
 * @param failedIndices index name → the server's reason, for every index the call could not update
 */
public record IsmIndexResult(int updatedIndices, Map<String, String> failedIndices) implements Serializable {

    public IsmIndexResult {
        failedIndices = Collections.unmodifiableMap(new LinkedHashMap<>(failedIndices));
    }

    public boolean failures() {
        return !failedIndices.isEmpty();
    }

    public List<String> failedIndexNames() {
        return List.copyOf(failedIndices.keySet());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("updated_indices", updatedIndices);
        map.put("failures", failures());
        map.put("failed_indices", new LinkedHashMap<>(failedIndices));
        return map;
    }
}
