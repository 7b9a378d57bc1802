package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decommission every node of one zone through the awareness decommission API. Prerequisites, checked
 * by the plan's guards: {@code attribute} is an awareness attribute with forced-awareness values, and
 * every shard has a STARTED copy outside the zone (the server moves no shards). The plan sets the
 * zone's weighted-routing weight to 0 first when it is not already.
 *
 * @param attribute the awareness attribute (default {@code zone})
 * @param zone the attribute value to decommission
 * @param drainDelay how long the server drains traffic before removing the nodes; null for the server
 *        default (120 s), zero for {@code no_delay}
 * @param waitTimeout how long the decommission may take to reach SUCCESSFUL
 * @param pollInterval how often its status is read
 */
public record ZoneDecommissionRequest(String attribute, String zone, Duration drainDelay, Duration waitTimeout,
                                      Duration pollInterval) implements Serializable {
    public static final String DEFAULT_ATTRIBUTE = "zone";

    public ZoneDecommissionRequest {
        if (attribute == null || attribute.isBlank() || zone == null || zone.isBlank()) {
            throw new OpsValidationException("a zone decommission needs an awareness attribute and a zone");
        }
        if (drainDelay != null && drainDelay.isNegative()) {
            throw new OpsValidationException("drainDelay must not be negative");
        }
        RequestChecks.positive(waitTimeout, "waitTimeout");
        RequestChecks.positive(pollInterval, "pollInterval");
    }

    /** Zone {@code zone} of attribute {@code zone}, no drain delay, 10 minutes to finish, 1 s polls. */
    public static ZoneDecommissionRequest of(String zone) {
        return new ZoneDecommissionRequest(DEFAULT_ATTRIBUTE, zone, Duration.ZERO, Duration.ofMinutes(10),
                Duration.ofSeconds(1));
    }

    /**
     * Keys (the {@link #toMap()} form): {@code zone}, {@code attribute} (default {@code zone}),
     * {@code drain_delay_seconds} (default 0; null for the server default), {@code wait_timeout_seconds}
     * (default 600), {@code poll_interval_millis} (default 1000).
     */
    public static ZoneDecommissionRequest fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, Set.of("attribute", "zone", "drain_delay_seconds",
                "wait_timeout_seconds", "poll_interval_millis"), "zone decommission");
        ZoneDecommissionRequest defaults = of(OptionMaps.requiredString(map, "zone", "a zone decommission").trim());
        Object attribute = map.get("attribute");
        return new ZoneDecommissionRequest(attribute == null ? DEFAULT_ATTRIBUTE : attribute.toString().trim(),
                defaults.zone(),
                map.containsKey("drain_delay_seconds") ? RequestChecks.seconds(map, "drain_delay_seconds", null)
                        : defaults.drainDelay(),
                RequestChecks.seconds(map, "wait_timeout_seconds", defaults.waitTimeout()),
                RequestChecks.millis(map, "poll_interval_millis", defaults.pollInterval()));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("attribute", attribute);
        map.put("zone", zone);
        map.put("drain_delay_seconds", drainDelay == null ? null : drainDelay.toSeconds());
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        return map;
    }
}
