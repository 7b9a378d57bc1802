package io.opsstack.ssh;

import java.nio.file.Path;

/**
 * Runs commands and transfers files on SSH targets. Connections are opened on first use, reused
 * per target and closed by {@link #close()}. Thread-safe; every call blocks and is bounded by a
 * timeout. Create one with {@link Ssh#executor(SshOptions)}.
 *
 * <p>Failures: {@link HostKeyVerificationException} (host key refused),
 * {@link io.opsstack.api.error.OpsAuthException} (no offered method was accepted),
 * {@link io.opsstack.api.error.OpsConnectException} (unreachable),
 * {@link io.opsstack.api.error.OpsTimeoutException} (connect or command timeout; the command is
 * killed), {@link SshException} (connection lost, transfer failed) and
 * {@link RemoteCommandException} (exit code not accepted).
 */
public interface SshExecutor extends AutoCloseable {

    /** Runs the command and returns its result; throws {@link RemoteCommandException} unless the exit code is accepted. */
    CommandResult run(SshTarget target, Command command);

    /** As {@link #run(SshTarget, Command)}, streaming each output line to the listener as it arrives. */
    CommandResult run(SshTarget target, Command command, OutputListener listener);

    /**
     * Copies a local file over SFTP, creating missing parent directories and keeping the file mode.
     * The file is written under a temporary name and renamed into place, so readers never see a
     * partial file and a running binary can be replaced.
     */
    void upload(SshTarget target, Path localFile, String remotePath);

    /** Copies a remote file over SFTP, keeping the file mode; missing local parent directories are created. */
    void download(SshTarget target, String remotePath, Path localFile);

    SshOptions options();

    /** Closes every connection; calls afterwards fail. */
    @Override
    void close();
}
