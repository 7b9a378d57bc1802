package io.opsstack.testkit.patroni;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stretch of failed write attempts between two acknowledged writes.
 *
 * @param lastWriteBefore when the last write before the gap was acknowledged
 * @param firstWriteAfter when the first write after the gap was acknowledged; null if the probe stopped first
 * @param failedAttempts the attempts that failed in between (at least one)
 * @param firstError the first failure's description
 */
public record WriteGap(Instant lastWriteBefore, Instant firstWriteAfter, int failedAttempts, String firstError)
        implements Serializable {

    public WriteGap {
        Objects.requireNonNull(lastWriteBefore, "lastWriteBefore");
        Objects.requireNonNull(firstError, "firstError");
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a gap has at least one failed attempt, got " + failedAttempts);
        }
    }

    /** Time without an acknowledged write; up to the probe's end when writes never came back. */
    public Duration length(Instant probeEnd) {
        return Duration.between(lastWriteBefore, firstWriteAfter != null ? firstWriteAfter : probeEnd);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("last_write_before", lastWriteBefore.toString());
        map.put("first_write_after", firstWriteAfter == null ? null : firstWriteAfter.toString());
        map.put("failed_attempts", failedAttempts);
        map.put("first_error", firstError);
        return map;
    }
}
