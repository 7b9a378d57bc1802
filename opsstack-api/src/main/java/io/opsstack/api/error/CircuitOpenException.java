package io.opsstack.api.error;

/** Calls to an endpoint are refused locally because its circuit breaker is open. */
public class CircuitOpenException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String endpoint, Throwable cause) {
        super("circuit breaker is open for endpoint " + endpoint + "; calls are refused until it half-opens",
                cause, endpoint);
    }
}
