package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ism.TimeValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a write index rolls over (ISM {@code rollover}); the first condition met triggers it.
 * Needs a rollover alias, so only the ISM executor runs it; the tier runner works on daily indices.
 *
 * @param minSize total primary store size such as {@code 50gb}; null when not a condition
 * @param minPrimaryShardSize largest primary shard size such as {@code 30gb}; null when not a condition
 * @param minDocCount document count; null when not a condition
 * @param minIndexAge index age; null when not a condition
 */
public record RolloverConditions(String minSize, String minPrimaryShardSize, Long minDocCount, Duration minIndexAge)
        implements Serializable {

    public RolloverConditions {
        if (minSize == null && minPrimaryShardSize == null && minDocCount == null && minIndexAge == null) {
            throw new OpsValidationException("rollover needs at least one condition (min_size, min_primary_shard_size, "
                    + "min_doc_count or min_index_age)");
        }
        requireSize(minSize, "min_size");
        requireSize(minPrimaryShardSize, "min_primary_shard_size");
        if (minDocCount != null && minDocCount < 1) {
            throw new OpsValidationException("rollover min_doc_count must be positive, was " + minDocCount);
        }
        if (minIndexAge != null && (minIndexAge.isNegative() || minIndexAge.isZero())) {
            throw new OpsValidationException("rollover min_index_age must be positive, was " + minIndexAge);
        }
    }

    /** Keys as in ISM: {@code min_size}, {@code min_primary_shard_size}, {@code min_doc_count}, {@code min_index_age}. */
    public static RolloverConditions fromMap(Map<String, ?> map) {
        Object docs = map.get("min_doc_count");
        Object age = map.get("min_index_age");
        return new RolloverConditions(text(map.get("min_size")), text(map.get("min_primary_shard_size")),
                docs == null ? null : Long.valueOf(String.valueOf(docs).trim()),
                age == null ? null : TimeValues.fromObject(age, "rollover min_index_age"));
    }

    /** The ISM form (only the conditions that are set). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (minSize != null) {
            map.put("min_size", minSize);
        }
        if (minPrimaryShardSize != null) {
            map.put("min_primary_shard_size", minPrimaryShardSize);
        }
        if (minDocCount != null) {
            map.put("min_doc_count", minDocCount);
        }
        if (minIndexAge != null) {
            map.put("min_index_age", TimeValues.format(minIndexAge));
        }
        return map;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).trim();
    }

    private static void requireSize(String size, String what) {
        if (size != null && !size.matches("\\d+(\\.\\d+)?(b|kb|mb|gb|tb|pb)")) {
            throw new OpsValidationException("rollover " + what + " must be a byte size such as 50gb, was '" + size + "'");
        }
    }
}
