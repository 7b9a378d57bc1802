package io.opsstack.api.metrics;

import io.opsstack.api.error.OpsClientException;

/** A strict parser met a malformed line, or the page could not be read. */
public class MetricsParseException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    private final ParseWarning warning;

    MetricsParseException(ParseWarning warning) {
        super("malformed metrics line " + warning.lineNumber() + ": " + warning.reason() + ": " + warning.excerpt(),
                null, null);
        this.warning = warning;
    }

    MetricsParseException(String message, Throwable cause) {
        super(message, cause, null);
        this.warning = null;
    }

    /** The malformed line, or {@code null} when reading the page failed. */
    public ParseWarning warning() {
        return warning;
    }
}
