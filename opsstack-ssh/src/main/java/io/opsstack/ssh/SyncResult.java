package io.opsstack.ssh;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What {@link FileSync#apply(SyncPlan)} did on one target. */
public record SyncResult(SshTarget target, int added, int updated, int deleted, int unchanged, Duration duration)
        implements Serializable {

    public SyncResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target.toString());
        map.put("added", added);
        map.put("updated", updated);
        map.put("deleted", deleted);
        map.put("unchanged", unchanged);
        map.put("durationMillis", duration.toMillis());
        return map;
    }
}
