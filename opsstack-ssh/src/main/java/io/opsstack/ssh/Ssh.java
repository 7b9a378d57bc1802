package io.opsstack.ssh;

import io.opsstack.ssh.internal.mina.MinaSshExecutor;

/** Entry point of the SSH module. */
public final class Ssh {

    private Ssh() {
    }

    /**
     * An executor with these options. Identity files are read now, so a missing file or wrong
     * passphrase fails here rather than at the first connection.
     */
    public static SshExecutor executor(SshOptions options) {
        return new MinaSshExecutor(options);
    }

    /** An executor with {@link SshOptions#defaults()} (keys from {@code ~/.ssh}, STRICT host keys). */
    public static SshExecutor executor() {
        return executor(SshOptions.defaults());
    }
}
