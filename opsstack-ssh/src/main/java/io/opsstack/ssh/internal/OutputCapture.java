package io.opsstack.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.ssh.Command;
import io.opsstack.ssh.OutputListener;
import io.opsstack.ssh.SshTarget;

/**
 * Receives one output stream of a remote command: keeps at most {@code maxBytes} of it and hands
 * every complete line (masked) to the listener. Lines longer than {@link #MAX_LINE_BYTES} are
 * delivered in pieces. Written to by a single I/O thread.
 */
public final class OutputCapture extends OutputStream {
    static final int MAX_LINE_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OutputCapture.class);

    private final SshTarget target;
    private final OutputListener.Stream stream;
    private final Command command;
    private final OutputListener listener;
    private final int maxBytes;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long totalBytes;

    public OutputCapture(SshTarget target, OutputListener.Stream stream, Command command, OutputListener listener, int maxBytes) {
        this.target = target;
        this.stream = stream;
        this.command = command;
        this.listener = listener;
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = (int) Math.max(0, Math.min(length, maxBytes - totalBytes));
        captured.write(bytes, offset, room);
        totalBytes += length;
        if (listener == null) {
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                emitLine();
            } else {
                line.write(bytes[i]);
                if (line.size() >= MAX_LINE_BYTES) {
                    emitLine();
                }
            }
        }
    }

    /** Delivers a last line that had no terminator. */
    public synchronized void finish() {
        if (listener != null && line.size() > 0) {
            emitLine();
        }
    }

    public synchronized boolean truncated() {
        return totalBytes > maxBytes;
    }

    /** The captured text, masked, with a marker when output was cut. */
    public synchronized String text() {
        String text = captured.toString(StandardCharsets.UTF_8);
        if (truncated()) {
            text += "\n…[truncated: " + (totalBytes - maxBytes) + " more bytes]";
        }
        return command.mask(text);
    }

    private void emitLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            listener.onLine(target, stream, command.mask(text));
        } catch (RuntimeException e) {
            LOG.warn("output listener failed on a line from {}; the command continues", target, e);
        }
    }
}
