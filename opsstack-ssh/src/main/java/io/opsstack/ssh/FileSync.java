package io.opsstack.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.ssh.internal.FileInfo;
import io.opsstack.ssh.internal.FileModes;
import io.opsstack.ssh.internal.LocalTree;
import io.opsstack.ssh.internal.RemoteTree;

/**
 * Makes a directory on a target match a source directory (local, or on a reference host), as
 * {@code sync.sh} did for bin/conf/software: files are compared by size and SHA-256 (remote
 * checksums via {@code sha256sum}), only changed files are copied (SFTP, renamed into place,
 * permissions kept), and files only on the target are deleted only when asked.
 *
 * <p>{@link #plan(SshTarget)} is the dry run and writes nothing; {@link #apply(SyncPlan)} carries
 * it out, checking first that each source file is still what was planned. Remote targets need GNU
 * find and coreutils. Thread-safe.
 */
public final class FileSync {
    private static final Logger LOG = LoggerFactory.getLogger(FileSync.class);
    private static final String OPERATION = "file-sync";

    private final SshExecutor executor;
    private final SyncSource source;
    private final String targetDirectory;
    private final boolean deleteExtras;
    private final Duration scanTimeout;

    private FileSync(Builder builder) {
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.source = Objects.requireNonNull(builder.source, "source");
        if (builder.targetDirectory == null || builder.targetDirectory.isBlank()) {
            throw new OpsValidationException("file sync needs a target directory");
        }
        this.targetDirectory = builder.targetDirectory;
        this.deleteExtras = builder.deleteExtras;
        this.scanTimeout = builder.scanTimeout;
    }

    public static Builder builder(SshExecutor executor) {
        return new Builder(executor);
    }

    /** Compares source and target; writes nothing. */
    public SyncPlan plan(SshTarget target) {
        Map<String, FileInfo> wanted = scanSource();
        Map<String, FileInfo> present = RemoteTree.scan(executor, target, targetDirectory, scanTimeout);
        List<SyncEntry> entries = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(wanted.keySet());
        paths.addAll(present.keySet());
        for (String path : paths) {
            entries.add(compare(path, wanted.get(path), present.get(path)));
        }
        SyncPlan plan = new SyncPlan(source, target, targetDirectory, deleteExtras, entries);
        LOG.info("sync plan {} -> {}:{}: {}", source, target, targetDirectory, plan.summary());
        return plan;
    }

    /** Plans and applies in one go. */
    public SyncResult sync(SshTarget target) {
        return apply(plan(target));
    }

    /**
     * Copies the ADD/UPDATE files and deletes the DELETE files of the plan.
     *
     * @throws PlanStaleException if a source file changed since the plan was made (nothing further is copied)
     */
    public SyncResult apply(SyncPlan plan) {
        long started = System.nanoTime();
        Path staging = plan.source().isLocal() ? null : createStaging();
        int added = 0;
        int updated = 0;
        int deleted = 0;
        try {
            for (SyncEntry entry : plan.entries()) {
                switch (entry.action()) {
                    case ADD, UPDATE -> {
                        Path file = sourceFile(plan, entry, staging);
                        executor.upload(plan.target(), file, join(plan.targetDirectory(), entry.path()));
                        if (entry.action() == SyncAction.ADD) {
                            added++;
                        } else {
                            updated++;
                        }
                    }
                    case DELETE -> {
                        executor.run(plan.target(), Command.of("rm", "-f", "--", join(plan.targetDirectory(), entry.path())));
                        deleted++;
                    }
                    case UNCHANGED -> {
                        // nothing to do
                    }
                }
            }
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
        SyncResult result = new SyncResult(plan.target(), added, updated, deleted, (int) plan.count(SyncAction.UNCHANGED),
                Duration.ofNanos(System.nanoTime() - started));
        LOG.info("synced {} -> {}:{}: {} added, {} updated, {} deleted", plan.source(), plan.target(),
                plan.targetDirectory(), added, updated, deleted);
        return result;
    }

    private SyncEntry compare(String path, FileInfo wanted, FileInfo present) {
        if (wanted == null) {
            return deleteExtras
                    ? new SyncEntry(path, SyncAction.DELETE, present.size(), present.sha256(), present.mode(), "only on target")
                    : new SyncEntry(path, SyncAction.UNCHANGED, present.size(), present.sha256(), present.mode(), "only on target, kept");
        }
        if (present == null) {
            return entry(wanted, SyncAction.ADD, "");
        }
        if (present.size() != wanted.size() || !present.sha256().equals(wanted.sha256())) {
            return entry(wanted, SyncAction.UPDATE, "content differs");
        }
        if (present.mode() != wanted.mode()) {
            return entry(wanted, SyncAction.UPDATE, "mode " + FileModes.format(present.mode()) + " -> " + FileModes.format(wanted.mode()));
        }
        return entry(wanted, SyncAction.UNCHANGED, "");
    }

    private static SyncEntry entry(FileInfo file, SyncAction action, String detail) {
        return new SyncEntry(file.path(), action, file.size(), file.sha256(), file.mode(), detail);
    }

    private Map<String, FileInfo> scanSource() {
        return source.isLocal()
                ? LocalTree.scan(Path.of(source.directory()))
                : RemoteTree.scan(executor, source.host(), source.directory(), scanTimeout);
    }

    /** The local file to upload, verified against the plan (downloaded first from a reference host). */
    private Path sourceFile(SyncPlan plan, SyncEntry entry, Path staging) {
        Path file;
        if (plan.source().isLocal()) {
            file = Path.of(plan.source().directory()).resolve(entry.path());
        } else {
            file = staging.resolve(entry.path());
            executor.download(plan.source().host(), join(plan.source().directory(), entry.path()), file);
        }
        FileInfo now;
        try {
            now = LocalTree.describe(file, entry.path());
        } catch (IOException e) {
            throw new PlanStaleException(plan.target().toString(), OPERATION,
                    List.of(entry.path() + " can no longer be read from " + plan.source() + ": " + e.getMessage()));
        }
        if (now.size() != entry.size() || !now.sha256().equals(entry.sha256()) || now.mode() != entry.mode()) {
            throw new PlanStaleException(plan.target().toString(), OPERATION,
                    List.of(entry.path() + " changed in " + plan.source() + " since the plan was made"));
        }
        return file;
    }

    private static String join(String directory, String relativePath) {
        return directory.endsWith("/") ? directory + relativePath : directory + "/" + relativePath;
    }

    private static Path createStaging() {
        try {
            return Files.createTempDirectory("opsstack-sync-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local staging directory", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete staging directory {}: {}", root, e.toString());
        }
    }

    /** Builder of {@link FileSync}; defaults: extras kept, 10 minutes per directory scan. */
    public static final class Builder {
        private final SshExecutor executor;
        private SyncSource source;
        private String targetDirectory;
        private boolean deleteExtras;
        private Duration scanTimeout = Duration.ofMinutes(10);

        private Builder(SshExecutor executor) {
            this.executor = executor;
        }

        public Builder source(SyncSource syncSource) {
            this.source = syncSource;
            return this;
        }

        /** The directory on each target that should match the source. */
        public Builder targetDirectory(String directory) {
            this.targetDirectory = directory;
            return this;
        }

        /** Delete files that exist only on the target (off by default). */
        public Builder deleteExtras(boolean enabled) {
            this.deleteExtras = enabled;
            return this;
        }

        /** Bound of each remote listing-and-checksum command. */
        public Builder scanTimeout(Duration timeout) {
            this.scanTimeout = timeout;
            return this;
        }

        public FileSync build() {
            return new FileSync(this);
        }
    }
}
