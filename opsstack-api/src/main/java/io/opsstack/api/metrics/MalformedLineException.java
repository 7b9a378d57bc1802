package io.opsstack.api.metrics;

/** Signals, within one parse, that the current line is malformed; turned into a {@link ParseWarning}. */
final class MalformedLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedLineException(String reason) {
        // No stack trace: this is per-line control flow on pages that may have thousands of bad lines.
        super(reason, null, false, false);
    }
}
