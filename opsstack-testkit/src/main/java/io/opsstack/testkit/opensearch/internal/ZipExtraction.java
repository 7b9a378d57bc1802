package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.opsstack.testkit.internal.process.FileTrees;

/**
 * Extracts one top-level directory of a zip, keeping the unix permissions recorded in the zip and
 * making everything readable by other users (lab processes may run as another account). Work
 * happens in a temporary sibling directory that is renamed into place, with a completion marker, so
 * an interrupted extraction is never mistaken for a complete one.
 */
final class ZipExtraction {

    private static final String COMPLETE_MARKER = ".opsstack-extracted";

    private ZipExtraction() {
    }

    static boolean isComplete(Path target) {
        return Files.isRegularFile(target.resolve(COMPLETE_MARKER));
    }

    static void extract(Path zip, String rootEntry, Path target) throws IOException {
        Path staging = target.resolveSibling(".staging-" + target.getFileName() + "-" + UUID.randomUUID());
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = zipFs.getPath("/", rootEntry);
            if (!Files.isDirectory(root)) {
                throw new IOException(zip + " has no top-level directory " + rootEntry);
            }
            copyTree(root, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            FileTrees.delete(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private static void copyTree(Path root, Path staging) throws IOException {
        try (Stream<Path> entries = Files.walk(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path destination = staging.resolve(root.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                    Files.setPosixFilePermissions(destination, withReadForAll(permissionsOf(entry), true));
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entry, destination);
                    Files.setPosixFilePermissions(destination, withReadForAll(permissionsOf(entry), false));
                }
            }
        }
        markScriptsExecutable(staging.resolve("bin"));
    }

    private static Set<PosixFilePermission> permissionsOf(Path entry) throws IOException {
        try {
            return Files.readAttributes(entry, PosixFileAttributes.class).permissions();
        } catch (UnsupportedOperationException e) {
            return EnumSet.noneOf(PosixFilePermission.class);
        }
    }

    private static Set<PosixFilePermission> withReadForAll(Set<PosixFilePermission> recorded, boolean directory) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        permissions.addAll(recorded);
        if (directory || recorded.contains(PosixFilePermission.OWNER_EXECUTE)) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    /** Zips written without unix attributes lose the executable bit; the launch scripts need it. */
    private static void markScriptsExecutable(Path bin) throws IOException {
        if (!Files.isDirectory(bin)) {
            return;
        }
        try (Stream<Path> scripts = Files.list(bin)) {
            for (Path script : (Iterable<Path>) scripts::iterator) {
                String name = script.getFileName().toString();
                if (!name.contains(".")) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(script));
                    permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, permissions);
                }
            }
        }
    }
}
