package io.opsstack.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.opsstack.api.error.OpsValidationException;

/** Lists the regular files below a local directory with size, mode and SHA-256 (symbolic links are not followed). */
public final class LocalTree {

    private LocalTree() {
    }

    public static Map<String, FileInfo> scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new OpsValidationException("sync source " + root + " is not a directory");
        }
        Map<String, FileInfo> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                files.put(relative, describe(file, relative));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root, e);
        }
        return files;
    }

    public static FileInfo describe(Path file, String relativePath) throws IOException {
        return new FileInfo(relativePath, Files.size(file), FileModes.of(file), sha256(file));
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
