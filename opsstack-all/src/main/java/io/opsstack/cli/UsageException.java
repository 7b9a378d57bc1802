package io.opsstack.cli;

/** A wrong command line, flag, setting or plan file: reported with exit code 2 before anything changes. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
