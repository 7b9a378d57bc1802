package io.opsstack.ssh;

/**
 * The server's host key was refused: unknown under {@link HostKeyPolicy#STRICT}, or different from
 * the key recorded in known_hosts (refused under every checking policy: it may be an attack, or a
 * reinstalled host whose entry must be replaced by hand).
 */
public class HostKeyVerificationException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final String expectedFingerprint;
    private final String presentedFingerprint;

    /**
     * @param expectedFingerprint the fingerprint recorded in known_hosts, or null when the host is unknown
     */
    public HostKeyVerificationException(String host, int port, String expectedFingerprint, String presentedFingerprint,
                                        String knownHostsFile) {
        super(message(host, port, expectedFingerprint, presentedFingerprint, knownHostsFile), null, host + ":" + port);
        this.host = host;
        this.port = port;
        this.expectedFingerprint = expectedFingerprint;
        this.presentedFingerprint = presentedFingerprint;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The recorded fingerprint, or null when the host was unknown. */
    public String expectedFingerprint() {
        return expectedFingerprint;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }

    /** True when a recorded key differs from the presented one (rather than no key being recorded). */
    public boolean isChanged() {
        return expectedFingerprint != null;
    }

    private static String message(String host, int port, String expected, String presented, String knownHostsFile) {
        if (expected == null) {
            return "host key of " + host + ":" + port + " is not in " + knownHostsFile + " (presented " + presented
                    + "); add it or use HostKeyPolicy.ACCEPT_NEW";
        }
        return "HOST KEY CHANGED for " + host + ":" + port + ": expected " + expected + " (from " + knownHostsFile
                + "), presented " + presented + "; refusing to connect";
    }
}
