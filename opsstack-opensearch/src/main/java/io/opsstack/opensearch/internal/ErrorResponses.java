package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.opensearch.OpenSearchServiceException;

/** Turns an error answer of the opsstack transport into an {@link OpenSearchServiceException}. */
public final class ErrorResponses {
    private static final int REASON_CHARS = 500;

    private ErrorResponses() {
    }

    /**
     * Keeps the transport's message (call, endpoint, attempts; already redacted) and adds the reason of
     * OpenSearch's error body ({@code {"error":{"type":…,"reason":…},"status":…}}).
     */
    public static OpenSearchServiceException from(OpsServiceException e) {
        String body = e.bodyExcerpt();
        String type = e.errorType();
        String reason = null;
        try {
            JsonNode root = Json.mapper().readTree(body == null ? "" : body);
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                type = type != null ? type : Json.text(error, "type");
                reason = Json.text(error, "reason");
                JsonNode rootCause = error.path("root_cause").path(0);
                if (reason == null && rootCause.isObject()) {
                    reason = Json.text(rootCause, "reason");
                }
            } else if (error != null && error.isTextual()) {
                reason = error.asText();
            }
        } catch (Exception notJson) {
            // a proxy answered with text, or the excerpt was cut: the excerpt alone remains
        }
        String safeReason = reason == null ? null : Redaction.excerpt(reason, REASON_CHARS);
        return new OpenSearchServiceException(e.reason(), e, e.target().orElse(null), e.statusCode(), type,
                safeReason, body);
    }
}
