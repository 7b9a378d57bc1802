package io.opsstack.ssh.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.SshException;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshTarget;

/**
 * Lists the regular files below a remote directory with size, mode and SHA-256, in one command
 * using GNU {@code find -printf} and {@code sha256sum -z} (NUL-separated, so any file name is safe).
 * A missing directory lists as empty.
 */
public final class RemoteTree {
    private static final int MAX_LISTING_BYTES = 64 * 1024 * 1024;

    private RemoteTree() {
    }

    public static Map<String, FileInfo> scan(SshExecutor executor, SshTarget target, String directory, Duration timeout) {
        String dir = ShellQuoting.quote(directory);
        String script = "[ -e " + dir + " ] || exit 0; cd " + dir + " || exit 1;"
                + " find . -type f -printf 'F %m %s %P\\0' && find . -type f -print0 | xargs -0r sha256sum -z";
        CommandResult result = executor.run(target, Command.builder().shell(script).timeout(timeout)
                .maxStdoutBytes(MAX_LISTING_BYTES).build());
        if (result.stdoutTruncated()) {
            throw new SshException("the file listing of " + target + ":" + directory + " exceeds "
                    + MAX_LISTING_BYTES + " bytes", null, target.toString());
        }
        return parse(result.stdout(), target, directory);
    }

    static Map<String, FileInfo> parse(String listing, SshTarget target, String directory) {
        Map<String, long[]> sizeAndMode = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (String record : listing.split("\0")) {
            if (record.isEmpty()) {
                continue;
            }
            if (record.startsWith("F ")) {
                String[] parts = record.split(" ", 4);
                sizeAndMode.put(parts[3], new long[] {Long.parseLong(parts[2]), Integer.parseInt(parts[1], 8)});
            } else if (record.length() > 68 && record.startsWith("  ./", 64)) {
                hashes.put(record.substring(68), record.substring(0, 64));
            } else {
                throw new SshException("unexpected line in the file listing of " + target + ":" + directory, null, target.toString());
            }
        }
        Map<String, FileInfo> files = new TreeMap<>();
        sizeAndMode.forEach((path, info) -> {
            String hash = hashes.get(path);
            if (hash == null) {
                throw new SshException("no checksum for " + path + " in " + target + ":" + directory
                        + " (changed while listing?)", null, target.toString());
            }
            files.put(path, new FileInfo(path, info[0], (int) info[1] & 0777, hash));
        });
        return files;
    }
}
