package io.opsstack.api.error;

/** No valid answer was obtained from the system: connection, timeout, authentication, open circuit. */
public class OpsClientException extends OpsException {
    private static final long serialVersionUID = 1L;

    public OpsClientException(String message, Throwable cause, String target) {
        super(message, cause, target, null, null);
    }
}
