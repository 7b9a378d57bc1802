package io.opsstack.patroni;

import io.opsstack.api.error.OpsServiceException;

/**
 * Patroni refused a request. {@link #serverReason()} is the plain text Patroni answered (e.g.
 * {@code candidate does not exists}, {@code Switchover failed}); for the HTML error pages of its
 * HTTP server, the page's message. {@link #kind()} classifies it; {@link #errorType()} is the kind's
 * name in lower case. 401/403 are not this exception but {@link io.opsstack.api.error.OpsAuthException}.
 */
public class PatroniServiceException extends OpsServiceException {
    private static final long serialVersionUID = 1L;

    private final PatroniErrorKind kind;
    private final String serverReason;

    public PatroniServiceException(String message, Throwable cause, String target, int statusCode,
                                   PatroniErrorKind kind, String serverReason, String body) {
        super(message, cause, target, statusCode, "patroni", kind.name().toLowerCase(java.util.Locale.ROOT), body);
        this.kind = kind;
        this.serverReason = serverReason == null ? "" : serverReason;
    }

    public PatroniErrorKind kind() {
        return kind;
    }

    /** The server's reason text, bounded; empty when the answer had none. */
    public String serverReason() {
        return serverReason;
    }
}
