package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.opensearch.internal.allocation.RecoveryThrottles;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How far an operation may raise the recovery throttles while it moves shards. The cluster's values
 * are raised only when lower, only for the operation's duration, and the previous values are
 * restored afterwards (also by a resumed run after a crash). The server defaults (2 concurrent
 * recoveries per node, 40mb/s) make a drain slow: on a 4-node loopback cluster, 6 and 400mb moved
 * the same data ten times faster.
 *
 * <p>Defaults ({@link #defaults()}): 4 concurrent recoveries per node and {@code 200mb} per second, a
 * conservative raise for production disks and networks. {@link #unchanged()} keeps the cluster's values.
 *
 * @param maxConcurrentRecoveries upper limit for {@code cluster.routing.allocation.node_concurrent_recoveries};
 *        0 leaves it alone
 * @param maxBytesPerSec upper limit for {@code indices.recovery.max_bytes_per_sec} (e.g. {@code 200mb});
 *        null leaves it alone
 */
public record RecoveryLimits(int maxConcurrentRecoveries, String maxBytesPerSec) implements Serializable {
    public static final int DEFAULT_CONCURRENT_RECOVERIES = 4;
    public static final String DEFAULT_MAX_BYTES_PER_SEC = "200mb";

    public RecoveryLimits {
        if (maxConcurrentRecoveries < 0) {
            throw new OpsValidationException("maxConcurrentRecoveries must be 0 (unchanged) or more");
        }
        if (maxBytesPerSec != null) {
            try {
                if (RecoveryThrottles.bytes(maxBytesPerSec) <= 0) {
                    throw new OpsValidationException("maxBytesPerSec must be positive: " + maxBytesPerSec);
                }
            } catch (NumberFormatException e) {
                throw new OpsValidationException("maxBytesPerSec is not a byte size such as 200mb: " + maxBytesPerSec);
            }
        }
    }

    public static RecoveryLimits defaults() {
        return new RecoveryLimits(DEFAULT_CONCURRENT_RECOVERIES, DEFAULT_MAX_BYTES_PER_SEC);
    }

    public static RecoveryLimits unchanged() {
        return new RecoveryLimits(0, null);
    }

    public static RecoveryLimits of(int maxConcurrentRecoveries, String maxBytesPerSec) {
        return new RecoveryLimits(maxConcurrentRecoveries, maxBytesPerSec);
    }

    /** Keys (the {@link #toMap()} form): {@code max_concurrent_recoveries} (0 = unchanged), {@code max_bytes_per_sec} (null = unchanged). */
    public static RecoveryLimits fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, Set.of("max_concurrent_recoveries", "max_bytes_per_sec"), "recovery limits");
        Integer recoveries = OptionMaps.integer(map, "max_concurrent_recoveries");
        Object bytes = map.get("max_bytes_per_sec");
        return new RecoveryLimits(recoveries == null ? 0 : recoveries, bytes == null ? null : bytes.toString());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max_concurrent_recoveries", maxConcurrentRecoveries);
        map.put("max_bytes_per_sec", maxBytesPerSec);
        return map;
    }
}
