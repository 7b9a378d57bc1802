package io.opsstack.testkit.opensearch;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link WriteReadProbe} saw between its start and {@link WriteReadProbe#stop()}.
 *
 * @param duration             how long the probe ran
 * @param acknowledgedWrites   acknowledged (2xx) writes per index, in the probe's index order
 * @param writeFailures        writes no node acknowledged
 * @param reads                reads attempted
 * @param readFailures         reads no node answered (connection errors, timeouts, 5xx on every node)
 * @param readMisses           reads of an acknowledged document that answered "not found"
 * @param failovers            requests that moved on to another node after a connection error, timeout or 5xx
 * @param longestWriteGap      longest time without an acknowledged write (from the start to the end of the run)
 * @param failureSamples       the first few failure descriptions, for diagnosis
 */
public record ProbeReport(Duration duration, Map<String, Long> acknowledgedWrites, long writeFailures, long reads,
                          long readFailures, long readMisses, long failovers, Duration longestWriteGap,
                          List<String> failureSamples) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ProbeReport {
        Objects.requireNonNull(duration, "duration");
        acknowledgedWrites = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(acknowledgedWrites, "acknowledgedWrites")));
        Objects.requireNonNull(longestWriteGap, "longestWriteGap");
        failureSamples = List.copyOf(Objects.requireNonNull(failureSamples, "failureSamples"));
        if (writeFailures < 0 || reads < 0 || readFailures < 0 || readMisses < 0 || failovers < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Acknowledged writes over all indices. */
    public long totalAcknowledgedWrites() {
        return acknowledgedWrites.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when no write and no read failed and no acknowledged document was missing on a read. */
    public boolean clean() {
        return writeFailures == 0 && readFailures == 0 && readMisses == 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("duration_ms", duration.toMillis());
        map.put("acknowledged_writes", new LinkedHashMap<>(acknowledgedWrites));
        map.put("write_failures", writeFailures);
        map.put("reads", reads);
        map.put("read_failures", readFailures);
        map.put("read_misses", readMisses);
        map.put("failovers", failovers);
        map.put("longest_write_gap_ms", longestWriteGap.toMillis());
        map.put("failure_samples", new ArrayList<>(failureSamples));
        return map;
    }

    @Override
    public String toString() {
        return "ProbeReport[" + duration.toMillis() + " ms, acknowledged=" + totalAcknowledgedWrites()
                + ", writeFailures=" + writeFailures + ", reads=" + reads + ", readFailures=" + readFailures
                + ", readMisses=" + readMisses + ", failovers=" + failovers
                + ", longestWriteGap=" + longestWriteGap.toMillis() + " ms]";
    }
}
