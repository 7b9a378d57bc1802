package io.opsstack.api.lease;

import io.opsstack.api.error.OpsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Leases as files in a directory shared by the processes that must exclude each other (a local
 * disk, or a network file system with working POSIX locks).
 *
 * <p>How acquisition stays atomic, also with two JVMs racing for an expired lease: every read-decide-
 * write of a target's lease happens while holding an exclusive OS file lock on the target's
 * {@code <name>.lock} file (plus an in-JVM lock, because the OS lock is per process). The lease itself
 * ({@code <name>.lease}, a properties file) is replaced by writing a temporary file, fsync'ing it and
 * renaming it atomically over the old one, so a reader never sees a half-written lease. A process that
 * dies while holding the OS lock loses it with its file handles, so no lock is left behind.
 */
public final class FileLeaseStore extends StoredLeases {

    private static final Logger LOG = LoggerFactory.getLogger(FileLeaseStore.class);
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;

    public FileLeaseStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** A store reading time from {@code clock} (tests move time forward to expire leases). */
    public FileLeaseStore(Path directory, Clock clock) {
        super(clock);
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    @Override
    <T> T exclusively(String target, Supplier<T> action) {
        Path lockFile = directory.resolve(fileName(target) + ".lock");
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new OpsException("could not lock lease file " + lockFile + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    @Override
    LeaseState read(String target) {
        Path file = leaseFile(target);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return new LeaseState(required(properties, "target"), required(properties, "holder"),
                    required(properties, "operation_id"), required(properties, "token"),
                    Instant.parse(required(properties, "expires_at")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            // Written by atomic rename, so only outside interference gets here: treat it as expired.
            LOG.warn("lease file {} is unreadable ({}); treating it as expired", file, e.getMessage());
            return new LeaseState(target, "unknown", "unknown", "unreadable", Instant.EPOCH);
        }
    }

    @Override
    void write(LeaseState state) {
        Properties properties = new Properties();
        properties.setProperty("target", state.target());
        properties.setProperty("holder", state.holder());
        properties.setProperty("operation_id", state.operationId());
        properties.setProperty("token", state.token());
        properties.setProperty("expires_at", state.expiresAt().toString());
        Path file = leaseFile(state.target());
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "opsstack lease");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OpsException("the file system of " + directory
                        + " cannot rename atomically; choose another lease directory", e);
            }
        } catch (IOException e) {
            throw new OpsException("could not write lease file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    void delete(String target) {
        Path file = leaseFile(target);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new OpsException("could not delete lease file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileLeaseStore[" + directory + "]";
    }

    private Path leaseFile(String target) {
        return directory.resolve(fileName(target) + ".lease");
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    // Readable prefix plus a hash, so distinct targets never share a file whatever their characters.
    private static String fileName(String target) {
        String readable = target.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
