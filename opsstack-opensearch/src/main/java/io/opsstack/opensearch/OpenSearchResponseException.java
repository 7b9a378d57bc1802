package io.opsstack.opensearch;

import io.opsstack.api.error.OpsClientException;

/**
 * OpenSearch answered with a success status but a body opsstack cannot interpret (malformed JSON,
 * a missing field, an unparsable {@code _cat} row). Callers must treat the state as unknown.
 */
public class OpenSearchResponseException extends OpsClientException {
    private static final long serialVersionUID = 1L;

    public OpenSearchResponseException(String message, Throwable cause, String target) {
        super(message, cause, target);
    }

    public OpenSearchResponseException(String message) {
        this(message, null, null);
    }
}
