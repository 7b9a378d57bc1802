package io.opsstack.api.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.secret.Redaction;

import java.io.IOException;

/**
 * Turns an unwanted HTTP status into an exception: 401/403 into {@link OpsAuthException}, anything
 * else into {@link OpsServiceException} with the service's error type when the body reports one
 * (OpenSearch {@code {"error":{"type","reason"}}}, Prometheus/VictoriaMetrics {@code {"errorType","error"}}).
 */
final class StatusErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PARSED_BODY = 1 << 20;
    private static final int MAX_REASON_CHARS = 300;

    private StatusErrors() {
    }

    /**
     * @param call the redacted request line, e.g. {@code GET /_cluster/health}
     * @param attempts attempts made, mentioned when more than one
     */
    static OpsException toException(HttpResponse response, String call, String serviceName, int attempts) {
        int status = response.statusCode();
        String endpoint = response.endpoint().toString();
        String body = response.bodyAsString();
        String after = attempts > 1 ? " after " + attempts + " attempts" : "";
        ServiceError error = parse(body);
        if (status == 401 || status == 403) {
            // the server's reason names the missing permission (e.g. cluster:admin/settings/update)
            String refusal = status == 401 ? "rejected the credentials" : "denied permission";
            return new OpsAuthException(serviceName + " " + refusal + " (HTTP " + status + ") for " + call + " at "
                    + endpoint + error.describe(), null, endpoint, status, body);
        }
        String message = serviceName + " answered HTTP " + status + " to " + call + " at " + endpoint + after
                + error.describe();
        return new OpsServiceException(message, endpoint, status, serviceName, error.type(), body);
    }

    private static ServiceError parse(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{") || trimmed.length() > MAX_PARSED_BODY) {
            return ServiceError.NONE;
        }
        try {
            JsonNode root = JSON.readTree(trimmed);
            JsonNode error = root.path("error");
            if (error.isObject()) {
                return new ServiceError(text(error.path("type")), text(error.path("reason")));
            }
            return new ServiceError(text(root.path("errorType")), text(error));
        } catch (IOException notJson) {
            return ServiceError.NONE;
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }

    private record ServiceError(String type, String reason) {
        static final ServiceError NONE = new ServiceError(null, null);

        /** {@code ": <type>: <reason excerpt>"}, or empty when the body reported neither. */
        String describe() {
            if (type == null && reason == null) {
                return "";
            }
            return ": " + (type == null ? "" : type) + (type != null && reason != null ? ": " : "")
                    + (reason == null ? "" : Redaction.excerpt(reason, MAX_REASON_CHARS));
        }
    }
}
