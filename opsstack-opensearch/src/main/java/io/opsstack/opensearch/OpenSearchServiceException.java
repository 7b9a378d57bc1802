package io.opsstack.opensearch;

import io.opsstack.api.error.OpsServiceException;

/**
 * OpenSearch answered with an error status. {@link #errorType()} and {@link #errorReason()} come from
 * the error body ({@code {"error":{"type":…,"reason":…},"status":…}}) when it has one; the message
 * and the excerpt are redacted.
 */
public class OpenSearchServiceException extends OpsServiceException {
    private static final long serialVersionUID = 1L;

    private final String errorReason;

    public OpenSearchServiceException(String message, Throwable cause, String target, int statusCode,
                                      String errorType, String errorReason, String body) {
        super(message, cause, target, statusCode, "opensearch", errorType, body);
        this.errorReason = errorReason;
    }

    /** The server's reason text (redacted), or null when the body had none. */
    public String errorReason() {
        return errorReason;
    }
}
