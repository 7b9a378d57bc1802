package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One file of a {@link SyncPlan}, by path relative to the synced directories.
 *
 * @param size source size in bytes (target size for DELETE)
 * @param sha256 source SHA-256 (target's for DELETE), checked again before copying
 * @param mode source permission bits (target's for DELETE)
 * @param detail why (e.g. "content differs", "mode 0644 -> 0755"), or ""
 */
public record SyncEntry(String path, SyncAction action, long size, String sha256, int mode, String detail)
        implements Serializable {

    public SyncEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sha256, "sha256");
        detail = detail == null ? "" : detail;
        if (path.isEmpty() || path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
            throw new IllegalArgumentException("sync paths must be relative and stay inside the directory: " + path);
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("action", action.name());
        map.put("size", size);
        map.put("sha256", sha256);
        map.put("mode", String.format("%04o", mode));
        map.put("detail", detail);
        return map;
    }
}
