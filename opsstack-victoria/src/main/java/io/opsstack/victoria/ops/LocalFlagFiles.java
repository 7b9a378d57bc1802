package io.opsstack.victoria.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * Flags files on this machine, one path per node; writes go to a temporary file in the same
 * directory that then replaces the original. Thread-safe.
 */
public final class LocalFlagFiles implements FlagFileAccess {
    private final Map<String, Path> files;

    private LocalFlagFiles(Map<String, Path> files) {
        this.files = Map.copyOf(files);
    }

    /** @param files node name to the path of its flags file */
    public static LocalFlagFiles of(Map<String, Path> files) {
        Objects.requireNonNull(files, "files");
        return new LocalFlagFiles(new LinkedHashMap<>(files));
    }

    @Override
    public String read(String node) {
        Path file = path(node);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flags file " + file, e);
        }
    }

    @Override
    public void write(String node, String content) {
        Path file = path(node);
        try {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write flags file " + file, e);
        }
    }

    @Override
    public String location(String node) {
        return path(node).toString();
    }

    private Path path(String node) {
        Path file = files.get(node);
        if (file == null) {
            throw new OpsValidationException("no flags file known for node '" + node + "'; known: " + files.keySet(), node);
        }
        return file;
    }

    @Override
    public String toString() {
        return "LocalFlagFiles" + files.keySet();
    }
}
