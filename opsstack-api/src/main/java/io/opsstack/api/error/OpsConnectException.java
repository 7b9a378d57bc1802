package io.opsstack.api.error;

/** The endpoint could not be reached (refused, reset, DNS, TLS handshake). */
public class OpsConnectException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    public OpsConnectException(String message, Throwable cause, String target) {
        super(message, cause, target);
    }
}
