package io.opsstack.api.error;

/** A single call exceeded its timeout. Waiting for a condition reports {@link WaitTimeoutException} instead. */
public class OpsTimeoutException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    public OpsTimeoutException(String message, Throwable cause, String target) {
        super(message, cause, target);
    }
}
