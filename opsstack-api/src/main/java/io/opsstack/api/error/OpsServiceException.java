package io.opsstack.api.error;

import io.opsstack.api.secret.Redaction;

/**
 * The system answered with an error. The body excerpt is bounded and redacted; the status decides
 * whether the failure is retryable (429/502/503/504) or throttling (429).
 */
public class OpsServiceException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String serviceName;
    private final String errorType;
    private final String bodyExcerpt;

    /**
     * @param serviceName e.g. "opensearch", "patroni", "vmselect"
     * @param errorType the service's own error type when it reports one (may be null)
     * @param body the raw response body; bounded and redacted here
     */
    public OpsServiceException(String message, String target, int statusCode, String serviceName,
                               String errorType, String body) {
        this(message, null, target, statusCode, serviceName, errorType, body);
    }

    public OpsServiceException(String message, Throwable cause, String target, int statusCode,
                               String serviceName, String errorType, String body) {
        super(message, cause, target, null, null);
        this.statusCode = statusCode;
        this.serviceName = serviceName;
        this.errorType = errorType;
        this.bodyExcerpt = Redaction.excerpt(body, Redaction.DEFAULT_EXCERPT_CHARS);
    }

    public int statusCode() {
        return statusCode;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The service's error type (e.g. OpenSearch {@code illegal_argument_exception}), or null. */
    public String errorType() {
        return errorType;
    }

    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    public boolean isThrottling() {
        return statusCode == 429;
    }

    public boolean isRetryable() {
        return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
    }
}
