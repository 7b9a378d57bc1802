package io.opsstack.api.error;

import io.opsstack.api.secret.Redaction;

/** Authentication or authorisation failed (HTTP 401/403, SSH auth). Never retried. */
public class OpsAuthException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String bodyExcerpt;

    /**
     * @param statusCode the HTTP status, or 0 where the protocol has none (SSH)
     * @param body the raw response body; bounded and redacted here
     */
    public OpsAuthException(String message, Throwable cause, String target, int statusCode, String body) {
        super(message, cause, target);
        this.statusCode = statusCode;
        this.bodyExcerpt = Redaction.excerpt(body, Redaction.DEFAULT_EXCERPT_CHARS);
    }

    public int statusCode() {
        return statusCode;
    }

    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
