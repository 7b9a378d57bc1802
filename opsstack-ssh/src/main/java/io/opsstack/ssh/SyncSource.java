package io.opsstack.ssh;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * Where a {@link FileSync} copies from: a local directory, or a directory on a reference host
 * (the verified node of {@code sync.sh}).
 *
 * @param host the reference host, or null for a local directory
 */
public record SyncSource(SshTarget host, String directory) implements Serializable {

    public SyncSource {
        Objects.requireNonNull(directory, "directory");
        if (directory.isBlank()) {
            throw new OpsValidationException("sync source directory must not be blank");
        }
    }

    public static SyncSource local(Path directory) {
        return new SyncSource(null, directory.toAbsolutePath().normalize().toString());
    }

    public static SyncSource remote(SshTarget host, String directory) {
        return new SyncSource(Objects.requireNonNull(host, "host"), directory);
    }

    public boolean isLocal() {
        return host == null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", host == null ? null : host.toString());
        map.put("directory", directory);
        return map;
    }

    @Override
    public String toString() {
        return host == null ? directory : host + ":" + directory;
    }
}
