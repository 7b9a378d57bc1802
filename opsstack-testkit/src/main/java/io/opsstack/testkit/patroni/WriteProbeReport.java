package io.opsstack.testkit.patroni;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link WriteProbe} saw.
 *
 * @param startedAt when the probe started
 * @param stoppedAt when it stopped
 * @param attempts write attempts made
 * @param acknowledged inserts whose commit was acknowledged
 * @param lost acknowledged inserts missing from the primary when the probe stopped (must be 0)
 * @param gaps every stretch of failed attempts between acknowledged writes, in order
 */
public record WriteProbeReport(Instant startedAt, Instant stoppedAt, long attempts, long acknowledged, long lost,
                               List<WriteGap> gaps) implements Serializable {

    public WriteProbeReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        gaps = List.copyOf(gaps);
        if (attempts < 0 || acknowledged < 0 || lost < 0 || acknowledged > attempts) {
            throw new IllegalArgumentException("inconsistent counts: attempts " + attempts + ", acknowledged "
                    + acknowledged + ", lost " + lost);
        }
    }

    /** The longest gap, zero when every attempt succeeded. */
    public Duration maxGap() {
        return gaps.stream().map(gap -> gap.length(stoppedAt)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Attempts that failed. */
    public long failedAttempts() {
        return attempts - acknowledged;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("started_at", startedAt.toString());
        map.put("stopped_at", stoppedAt.toString());
        map.put("attempts", attempts);
        map.put("acknowledged", acknowledged);
        map.put("lost", lost);
        map.put("max_gap_ms", maxGap().toMillis());
        map.put("gaps", gaps.stream().map(WriteGap::toMap).toList());
        return map;
    }

    @Override
    public String toString() {
        return "WriteProbeReport[" + acknowledged + "/" + attempts + " writes acknowledged, " + lost + " lost, "
                + gaps.size() + " gap(s), max gap " + maxGap().toMillis() + " ms]";
    }
}
