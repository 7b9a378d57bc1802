package io.opsstack.api.journal;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.internal.json.MapReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A journal in a directory: one append-only JSON-lines file per operation id
 * ({@code <operation-id>.jsonl}), every entry flushed and fsync'd before the call returns.
 *
 * <p>A crash can leave the last line torn (partly written, never acknowledged); reading ignores
 * such a line with a warning, and the next append cuts it off before writing. A malformed line anywhere else means the
 * file was damaged and is reported as an error. Thread-safe within one JVM; two JVMs should not
 * append to the same operation id at once (the apply lease prevents that).
 */
public final class FileJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
    private static final String SUFFIX = ".jsonl";
    private static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path directory;

    /** A journal in {@code directory}; the directory is created on the first write. */
    public FileJournal(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    /** The journal in {@link #defaultDirectory()}. */
    public static FileJournal atDefaultLocation() {
        return new FileJournal(defaultDirectory());
    }

    /** {@code $OPSSTACK_HOME/journal}, or {@code ~/.opsstack/journal} when OPSSTACK_HOME is unset. */
    public static Path defaultDirectory() {
        String home = System.getenv("OPSSTACK_HOME");
        Path base = home != null && !home.isBlank()
                ? Paths.get(home)
                : Paths.get(System.getProperty("user.home"), ".opsstack");
        return base.resolve("journal");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public synchronized JournalRecord read(String operationId) {
        Path file = file(operationId);
        if (!Files.exists(file)) {
            return JournalRecord.empty(operationId);
        }
        return replay(operationId, file);
    }

    @Override
    public void begin(String operationId, String operation, String target, String planFingerprint) {
        Map<String, Object> entry = entry("begin");
        entry.put("operation", operation);
        entry.put("target", target);
        entry.put("plan_fingerprint", planFingerprint);
        append(operationId, entry);
    }

    @Override
    public void stepCompleted(String operationId, String stepId) {
        Map<String, Object> entry = entry("step_completed");
        entry.put("step_id", stepId);
        append(operationId, entry);
    }

    @Override
    public void saveValue(String operationId, String key, String value) {
        Map<String, Object> entry = entry("value_saved");
        entry.put("key", key);
        entry.put("value", value);
        append(operationId, entry);
    }

    @Override
    public void finish(String operationId, JournalStatus status) {
        Map<String, Object> entry = entry("finished");
        entry.put("status", status.name());
        append(operationId, entry);
    }

    @Override
    public synchronized List<JournalRecord> list() {
        List<JournalRecord> records = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                records.add(replay(name.substring(0, name.length() - SUFFIX.length()), file));
            }
        } catch (IOException e) {
            throw new OpsException("could not list journal directory " + directory + ": " + e.getMessage(), e);
        }
        records.sort((a, b) -> a.operationId().compareTo(b.operationId()));
        return records;
    }

    @Override
    public String toString() {
        return "FileJournal[" + directory + "]";
    }

    private static Map<String, Object> entry(String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(FormatVersion.KEY, FormatVersion.CURRENT);
        entry.put("type", type);
        entry.put("at", Instant.now().toString());
        return entry;
    }

    private synchronized void append(String operationId, Map<String, Object> entry) {
        Path file = file(operationId);
        byte[] line = (Json.compact(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(directory);
            // Positional writes at the end: the JDK refuses READ together with APPEND.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long end = endOfLastCompleteLine(channel);
                if (end < channel.size()) {
                    // A torn entry was never acknowledged (its write did not return): drop it.
                    LOG.warn("dropping the torn last line of journal {}", file);
                    channel.truncate(end);
                }
                writeFully(channel, ByteBuffer.wrap(line), end);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new OpsException("could not write journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The size the file would have without a torn (unterminated) last line. */
    private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        long position = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        while (position > 0) {
            int length = (int) Math.min(chunk.capacity(), position);
            chunk.clear().limit(length);
            long start = position - length;
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) >= 0) {
                // read the whole chunk
            }
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            position = start;
        }
        return 0;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private JournalRecord replay(String operationId, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OpsException("could not read journal " + file + ": " + e.getMessage(), e);
        }
        RecordBuilder record = new RecordBuilder(operationId);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                applyEntry(record, Json.parseObject(line, "journal entry"));
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) {
                    LOG.warn("ignoring torn last line {} of journal {} (left by an interrupted write)", i + 1, file);
                } else {
                    throw new OpsException("journal " + file + " is damaged at line " + (i + 1) + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return record.build();
    }

    private static void applyEntry(RecordBuilder record, Map<String, Object> map) {
        MapReader in = new MapReader(map, "journal entry");
        FormatVersion.check(in.string(FormatVersion.KEY), "journal entry");
        Instant at = in.instant("at");
        String type = in.string("type");
        switch (type) {
            case "begin" -> record.begin(in.string("operation"), in.string("target"),
                    in.string("plan_fingerprint"), at);
            case "step_completed" -> record.stepCompleted(in.string("step_id"), at);
            case "value_saved" -> record.saveValue(in.string("key"), in.optionalString("value"), at);
            case "finished" -> record.finish(in.enumValue("status", JournalStatus.class), at);
            default -> LOG.debug("ignoring journal entry of unknown type {}", type);
        }
    }

    private Path file(String operationId) {
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            throw new OpsValidationException("operation id '" + operationId
                    + "' must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return directory.resolve(operationId + SUFFIX);
    }
}
