package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Even out shard counts within a tier: the data nodes whose attribute {@code attribute} (default
 * {@code temp}) equals {@code tier}. The plan holds the moves that bring the fullest and emptiest node
 * of the tier within one copy of each other.
 */
public record RebalanceRequest(String attribute, String tier, Duration waitTimeout, Duration pollInterval)
        implements Serializable {

    public RebalanceRequest {
        if (attribute == null || attribute.isBlank() || tier == null || tier.isBlank()) {
            throw new OpsValidationException("a tier rebalance needs an attribute and a tier value");
        }
        RequestChecks.positive(waitTimeout, "waitTimeout");
        RequestChecks.positive(pollInterval, "pollInterval");
    }

    /** The tier {@code temp=<tier>} with the default wait timeout and poll interval. */
    public static RebalanceRequest of(String tier) {
        return new RebalanceRequest(TierMoveRequest.DEFAULT_ATTRIBUTE, tier, RelocationRequest.DEFAULT_WAIT_TIMEOUT,
                RelocationRequest.DEFAULT_POLL_INTERVAL);
    }

    /**
     * Keys (the {@link #toMap()} form): {@code tier}, {@code attribute} (default {@code temp}),
     * {@code wait_timeout_seconds}, {@code poll_interval_millis}.
     */
    public static RebalanceRequest fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, Set.of("attribute", "tier", "wait_timeout_seconds",
                "poll_interval_millis"), "tier rebalance");
        Object attribute = map.get("attribute");
        return new RebalanceRequest(attribute == null ? TierMoveRequest.DEFAULT_ATTRIBUTE : attribute.toString().trim(),
                OptionMaps.requiredString(map, "tier", "a tier rebalance").trim(),
                RequestChecks.seconds(map, "wait_timeout_seconds", RelocationRequest.DEFAULT_WAIT_TIMEOUT),
                RequestChecks.millis(map, "poll_interval_millis", RelocationRequest.DEFAULT_POLL_INTERVAL));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("attribute", attribute);
        map.put("tier", tier);
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }
}
