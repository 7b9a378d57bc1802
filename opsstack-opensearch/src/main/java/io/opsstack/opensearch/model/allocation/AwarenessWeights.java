package io.opsstack.opensearch.model.allocation;

import io.opsstack.api.error.OpsValidationException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weighted routing of an awareness attribute ({@code _cluster/routing/awareness/<attr>/weights}).
 *
 * @param weights attribute value → weight (0 = no search traffic)
 * @param version the server's {@code _version}, for compare-and-set writes; -1 when none exist yet
 */
public record AwarenessWeights(String attribute, Map<String, Double> weights, long version) implements Serializable {

    public AwarenessWeights {
        if (attribute == null || attribute.isBlank()) {
            throw new OpsValidationException("awareness attribute must not be blank");
        }
        weights = Map.copyOf(Objects.requireNonNull(weights, "weights"));
    }

    /** The weight of {@code value}; null when it has none. */
    public Double weight(String value) {
        return weights.get(value);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("attribute", attribute);
        map.put("weights", new LinkedHashMap<>(weights));
        map.put("version", version);
        return map;
    }
}
