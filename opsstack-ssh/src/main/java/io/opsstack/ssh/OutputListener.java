package io.opsstack.ssh;

/**
 * Receives a command's output line by line while it runs, in order per stream, on an SSH I/O
 * thread: keep it quick. Lines are masked like the captured output. An exception thrown here is
 * logged and does not affect the command.
 */
public interface OutputListener {

    /** The output stream a line came from. */
    enum Stream { STDOUT, STDERR }

    void onLine(SshTarget target, Stream stream, String line);
}
