package io.opsstack.testkit.internal.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the end of a log file, bounded in size, for error messages. */
public final class LogTail {

    private LogTail() {
    }

    /** The last {@code maxLines} lines of the file, at most {@code maxChars} characters; a note if it is unreadable. */
    public static String of(Path file, int maxLines, int maxChars) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int window = (int) Math.min(length, maxChars * 4L);
            byte[] bytes = new byte[window];
            in.seek(length - window);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\\R");
            int first = Math.max(0, lines.length - maxLines);
            StringBuilder tail = new StringBuilder();
            for (int i = first; i < lines.length; i++) {
                tail.append(lines[i]).append('\n');
            }
            return tail.length() <= maxChars ? tail.toString() : tail.substring(tail.length() - maxChars);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
