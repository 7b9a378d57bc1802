package io.opsstack.ssh;

/**
 * How server host keys are checked against the known_hosts file. A key that differs from the one
 * recorded for a host is refused under every policy except {@link #INSECURE_ACCEPT_ALL}.
 */
public enum HostKeyPolicy {
    /** Default: only hosts whose key is in the known_hosts file are accepted. */
    STRICT,
    /** Trust on first use: an unknown host's key is accepted and appended to the known_hosts file. */
    ACCEPT_NEW,
    /** Accepts every key without checking; logs a warning on every connection. For throwaway labs only. */
    INSECURE_ACCEPT_ALL
}
