package io.opsstack.api.error;

/** A waiter's failure acceptor matched: the awaited condition can no longer be reached. */
public class WaitFailedException extends OpsException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public WaitFailedException(String message, Throwable cause, String target, int attempts) {
        super(message, cause, target, null, null);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
