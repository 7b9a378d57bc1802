package io.opsstack.api.wait;

/** How a wait ended. */
public enum WaitOutcome {
    /** A success acceptor matched. */
    SUCCESS,
    /** A failure acceptor matched, or the poll threw an exception no acceptor matched. */
    FAILED,
    /** The deadline passed or the attempts ran out while the condition was still being retried. */
    TIMED_OUT
}
