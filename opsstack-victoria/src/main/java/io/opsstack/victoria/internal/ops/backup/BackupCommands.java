package io.opsstack.victoria.internal.ops.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Redaction;

/**
 * Builds and checks what backups and restores run on a storage host: destinations, the vmbackup and
 * vmrestore argument lists, the manifest write, and the size vmbackup reports.
 */
public final class BackupCommands {
    /** vmbackup/vmrestore otherwise serve metrics on :8420/:8421 of every interface, which collides when two run on a host. */
    static final String LISTEN_LOOPBACK = "-httpListenAddr=127.0.0.1:0";
    public static final Set<String> VMBACKUP_OWN_FLAGS = Set.of("dst", "snapshotName", "storageDataPath", "snapshot.createURL",
            "snapshot.deleteURL");
    public static final Set<String> VMRESTORE_OWN_FLAGS = Set.of("src", "storageDataPath");

    private static final Pattern BACKUP_NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,99}");
    private static final Pattern FLAG = Pattern.compile("--?([A-Za-z0-9][A-Za-z0-9._]*)(=.*)?", Pattern.DOTALL);
    private static final Pattern UNSAFE_SEGMENT = Pattern.compile("[^0-9A-Za-z._-]");
    private static final Pattern BACKED_UP = Pattern.compile("backed up (\\d+) bytes");

    private BackupCommands() {
    }

    /**
     * A vmbackup destination without a trailing slash: {@code fs:///absolute/dir}, {@code s3://bucket[/path]} or
     * {@code gs://bucket[/path]}.
     */
    public static String destination(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new OpsValidationException("a backup destination is required, e.g. fs:///backups/vm or s3://bucket/vm");
        }
        String trimmed = destination.trim().replaceAll("/+$", "");
        if (trimmed.startsWith("fs://")) {
            String path = trimmed.substring("fs://".length());
            if (!path.startsWith("/") || path.length() < 2 || path.contains("/../") || path.endsWith("/..")) {
                throw new OpsValidationException("an fs:// backup destination needs an absolute directory (fs:///backups/vm), was '"
                        + destination + "'");
            }
            return trimmed;
        }
        if (trimmed.matches("(s3|gs)://[^/\\s]+(/\\S*)?")) {
            return trimmed;
        }
        throw new OpsValidationException("backup destination must be fs:///absolute/dir, s3://bucket/path or gs://bucket/path, was '"
                + destination + "'");
    }

    /** The directory of an {@code fs://} destination, or null for object stores. */
    public static String localDirectory(String destination) {
        return destination.startsWith("fs://") ? destination.substring("fs://".length()) : null;
    }

    public static String backupName(String name) {
        if (name == null || !BACKUP_NAME.matcher(name).matches()) {
            throw new OpsValidationException("backup name must be 1-100 letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        return name;
    }

    /** {@code <destination>/<node>/<backup name>}, the node name reduced to characters safe in any store. */
    public static String nodeDestination(String destination, String node, String backupName) {
        return destination + "/" + UNSAFE_SEGMENT.matcher(node).replaceAll("_") + "/" + backupName;
    }

    /** {@code <destination>/manifests/<backup name>.json}. */
    public static String manifestLocation(String destination, String backupName) {
        return destination + "/manifests/" + backupName + ".json";
    }

    public static String absolutePath(String path, String what) {
        if (path == null || !path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new OpsValidationException(what + " must be an absolute path, was '" + path + "'");
        }
        return path;
    }

    /** Checks extra flags are {@code -name[=value]} and do not set what the operation sets itself. */
    public static List<String> extraFlags(List<String> flags, Set<String> ownFlags, String tool) {
        List<String> copy = List.copyOf(Objects.requireNonNull(flags, "extraFlags"));
        for (String flag : copy) {
            Matcher matcher = FLAG.matcher(flag);
            if (!matcher.matches()) {
                throw new OpsValidationException(tool + " extra flags must look like -name=value, was '" + Redaction.redact(flag) + "'");
            }
            if (ownFlags.contains(matcher.group(1))) {
                throw new OpsValidationException(tool + " flag -" + matcher.group(1) + " is set by the operation itself");
            }
        }
        return copy;
    }

    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new OpsValidationException(name + " must be positive, was " + value);
        }
        return value;
    }

    public static List<String> vmbackup(String binary, String storageDataPath, String snapshot, String destination,
                                        List<String> extraFlags) {
        List<String> argv = new ArrayList<>(List.of(binary, LISTEN_LOOPBACK, "-storageDataPath=" + storageDataPath,
                "-snapshotName=" + snapshot, "-dst=" + destination));
        argv.addAll(extraFlags);
        return argv;
    }

    public static List<String> vmrestore(String binary, String source, String storageDataPath, List<String> extraFlags) {
        List<String> argv = new ArrayList<>(List.of(binary, LISTEN_LOOPBACK, "-src=" + source,
                "-storageDataPath=" + storageDataPath));
        argv.addAll(extraFlags);
        return argv;
    }

    /** Writes stdin to {@code file} (creating its directory) through a temporary name, so readers never see half a manifest. */
    public static List<String> writeFile(String file) {
        String directory = file.substring(0, file.lastIndexOf('/'));
        return List.of("sh", "-c", "mkdir -p \"$1\" && cat > \"$2.tmp\" && mv \"$2.tmp\" \"$2\"", "sh", directory, file);
    }

    /** The byte count of vmbackup's closing "backed up N bytes" log line, or -1 when the output does not have it. */
    public static long backedUpBytes(String output) {
        Matcher matcher = BACKED_UP.matcher(output == null ? "" : output);
        long bytes = -1;
        while (matcher.find()) {
            bytes = Long.parseLong(matcher.group(1));
        }
        return bytes;
    }

    /** The argument list as one readable, redacted line for plans and events. */
    public static String display(List<String> argv) {
        return Redaction.redact(String.join(" ", argv));
    }
}
