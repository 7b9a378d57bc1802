package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.internal.process.FileTrees;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessUser;

/**
 * Prepares the directory of one lab cluster: ends nodes an earlier run left behind (pid files),
 * empties it, and hands it to the account the nodes run as. If that account cannot reach it (a
 * parent directory is not traversable), a directory under {@code java.io.tmpdir} is used instead.
 */
public final class ClusterDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDirectory.class);
    /** Present in every directory the lab created; the lab clears no other directory. */
    private static final String OWNED_MARKER = ".opsstack-lab";

    private ClusterDirectory() {
    }

    /** The prepared, empty directory: {@code requested} or the fallback. */
    public static Path prepare(Path requested, ProcessUser user) {
        Path directory = fresh(requested, user);
        if (user.canUse(directory)) {
            return directory;
        }
        Path fallback = fallbackFor(requested);
        LOG.warn("[lab] user {} cannot reach {} (a parent directory is not traversable); using {} instead",
                user.name(), requested, fallback);
        Path fallbackDirectory = fresh(fallback, user);
        if (!user.canUse(fallbackDirectory)) {
            throw new OpsException("user " + user.name() + " can use neither " + requested + " nor " + fallback);
        }
        return fallbackDirectory;
    }

    /** {@code ${java.io.tmpdir}/opsstack-lab/work/<hash of requested>/<cluster>}. */
    public static Path fallbackFor(Path requested) {
        String key = Integer.toHexString(requested.toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "opsstack-lab", "work", key,
                requested.getFileName().toString()).toAbsolutePath();
    }

    private static Path fresh(Path directory, ProcessUser user) {
        try {
            if (Files.isDirectory(directory)) {
                List<Long> ended = PidRecords.endStale(pidFilesUnder(directory), directory.toString());
                if (!ended.isEmpty()) {
                    LOG.warn("[lab] ended processes {} left by an earlier run in {}", ended, directory);
                }
                if (!Files.exists(directory.resolve(OWNED_MARKER)) && !isEmpty(directory)) {
                    throw new OpsValidationException("refusing to clear " + directory
                            + ": it is not empty and was not created by a lab");
                }
                FileTrees.delete(directory);
            }
            Files.createDirectories(directory);
            Files.createFile(directory.resolve(OWNED_MARKER));
            user.takeOwnership(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare lab directory " + directory, e);
        }
    }

    private static List<Path> pidFilesUnder(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<Path> pidFiles = new ArrayList<>();
            for (Path child : (Iterable<Path>) children::iterator) {
                Path pidFile = new NodeLayout(child, "").pidFile();
                if (Files.isRegularFile(pidFile)) {
                    pidFiles.add(pidFile);
                }
            }
            return pidFiles;
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        }
    }
}
