package io.opsstack.api.error;

import java.time.Duration;

/** An apply ran past its overall timeout; steps not yet started were not started. */
public class ApplyTimeoutException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public ApplyTimeoutException(String message, String target, String operation, String stepId, Duration timeout) {
        super(message, null, target, operation, stepId);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
