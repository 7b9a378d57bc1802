package io.opsstack.ssh;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Per-host outcomes of a {@link FanOut}, in the order the targets were given. */
public record FanOutResult(String command, List<HostResult> results) implements Serializable {

    public FanOutResult {
        Objects.requireNonNull(command, "command");
        results = List.copyOf(results);
    }

    public List<HostResult> successes() {
        return with(HostResult.Status.SUCCEEDED);
    }

    public List<HostResult> failures() {
        return with(HostResult.Status.FAILED);
    }

    public List<HostResult> skipped() {
        return with(HostResult.Status.SKIPPED);
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(HostResult::succeeded);
    }

    /** "3 succeeded, 1 failed, 0 skipped". */
    public String summary() {
        return successes().size() + " succeeded, " + failures().size() + " failed, " + skipped().size() + " skipped";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        map.put("summary", summary());
        List<Map<String, Object>> hosts = new ArrayList<>();
        results.forEach(result -> hosts.add(result.toMap()));
        map.put("results", hosts);
        return map;
    }

    private List<HostResult> with(HostResult.Status status) {
        return results.stream().filter(r -> r.status() == status).collect(Collectors.toUnmodifiableList());
    }
}
