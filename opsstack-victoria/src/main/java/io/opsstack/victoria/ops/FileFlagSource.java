package io.opsstack.victoria.ops;

import java.util.Map;
import java.util.Objects;

import io.opsstack.victoria.internal.ops.flags.ArgsFileFormat;
import io.opsstack.victoria.internal.ops.flags.DropInFormat;
import io.opsstack.victoria.internal.ops.flags.FlagFileFormat;

/**
 * A {@link FlagSource} over a text file per node, edited in place through a {@link FlagFileAccess}
 * (local or remote). Two layouts:
 * <ul>
 *   <li>{@link #argsFile}: one {@code -name=value} per line (an args file expanded into the command
 *       line, or the simulator's flags file); {@code #} comments, blank lines and other flags stay.</li>
 *   <li>{@link #systemdDropIn}: {@code Environment="name=value"} lines under {@code [Service]} in
 *       {@code /etc/systemd/system/<unit>.d/opsstack-storage.conf} ({@link #dropInPath}); the component
 *       must run with {@code -envflag.enable}, and the service manager must reload units
 *       ({@code systemctl daemon-reload}) before the restart picks the file up.</li>
 * </ul>
 * Each {@link #setFlag} reads the file, changes the one flag and writes it back; membership
 * operations read it again afterwards to verify. Thread-safe if the access is.
 */
public final class FileFlagSource implements FlagSource {
    /** File name of the systemd drop-in this source writes. */
    public static final String DROP_IN_NAME = "opsstack-storage.conf";

    private final FlagFileAccess files;
    private final FlagFileFormat format;

    private FileFlagSource(FlagFileAccess files, FlagFileFormat format) {
        this.files = Objects.requireNonNull(files, "files");
        this.format = format;
    }

    /** {@code -name=value} lines. */
    public static FileFlagSource argsFile(FlagFileAccess files) {
        return new FileFlagSource(files, new ArgsFileFormat());
    }

    /** {@code Environment="name=value"} lines of a systemd drop-in, for components started with {@code -envflag.enable}. */
    public static FileFlagSource systemdDropIn(FlagFileAccess files) {
        return new FileFlagSource(files, new DropInFormat());
    }

    /** {@code /etc/systemd/system/<unit>.d/opsstack-storage.conf}. */
    public static String dropInPath(String unit) {
        String name = unit.endsWith(".service") ? unit : unit + ".service";
        return "/etc/systemd/system/" + name + ".d/" + DROP_IN_NAME;
    }

    @Override
    public Map<String, String> flags(String node) {
        return format.parse(files.read(node));
    }

    @Override
    public void setFlag(String node, String name, String value) {
        Objects.requireNonNull(name, "name");
        files.write(node, format.update(files.read(node), name, value));
    }

    @Override
    public String location(String node) {
        return files.location(node);
    }

    @Override
    public String toString() {
        return "FileFlagSource[" + format.name() + " via " + files + "]";
    }
}
