package io.opsstack.ssh;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The dry run of a {@link FileSync} for one target: every file with its action, computed before
 * anything is written. Apply it with {@link FileSync#apply(SyncPlan)}.
 */
public record SyncPlan(SyncSource source, SshTarget target, String targetDirectory, boolean deleteExtras,
                       List<SyncEntry> entries) implements Serializable {

    public SyncPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetDirectory, "targetDirectory");
        entries = List.copyOf(entries);
    }

    /** Entries that write or delete something. */
    public List<SyncEntry> changes() {
        return entries.stream().filter(e -> e.action() != SyncAction.UNCHANGED).collect(Collectors.toUnmodifiableList());
    }

    public boolean hasChanges() {
        return !changes().isEmpty();
    }

    public long count(SyncAction action) {
        return entries.stream().filter(e -> e.action() == action).count();
    }

    /** "2 add, 1 update, 0 delete, 5 unchanged". */
    public String summary() {
        return count(SyncAction.ADD) + " add, " + count(SyncAction.UPDATE) + " update, " + count(SyncAction.DELETE)
                + " delete, " + count(SyncAction.UNCHANGED) + " unchanged";
    }

    /** One line per file, e.g. {@code UPDATE  conf/app.yml (content differs)}. */
    public String render() {
        StringBuilder out = new StringBuilder("sync " + source + " -> " + target + ":" + targetDirectory + ": " + summary() + "\n");
        for (SyncEntry entry : entries) {
            out.append(String.format("%-9s %s%s%n", entry.action(), entry.path(),
                    entry.detail().isEmpty() ? "" : " (" + entry.detail() + ")"));
        }
        return out.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.toMap());
        map.put("target", target.toString());
        map.put("targetDirectory", targetDirectory);
        map.put("deleteExtras", deleteExtras);
        map.put("summary", summary());
        List<Map<String, Object>> files = new ArrayList<>();
        entries.forEach(entry -> files.add(entry.toMap()));
        map.put("entries", files);
        return map;
    }
}
