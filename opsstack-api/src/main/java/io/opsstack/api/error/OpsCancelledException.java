package io.opsstack.api.error;

/** The calling thread was interrupted or the operation was cancelled; the interrupt flag is restored. */
public class OpsCancelledException extends OpsException {
    private static final long serialVersionUID = 1L;

    public OpsCancelledException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Restores the interrupt flag and wraps the interruption. */
    public static OpsCancelledException interrupted(String what, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new OpsCancelledException("interrupted while " + what, cause);
    }
}
