package io.opsstack.victoria.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.HttpTransport;
import io.opsstack.api.secret.Secret;
import io.opsstack.victoria.AdminAuthKeys;

/**
 * Sends a component's requests over one {@link HttpTransport}: plain calls, calls carrying an admin
 * auth key (as a POST form field, out of the URL), and JSON answers whose {@code status} must be
 * {@code success} or {@code ok}. Shared by a client and its tenant views; only the owner closes it.
 */
public final class VmCalls {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpTransport transport;
    private final AdminAuthKeys authKeys;
    private final String serviceName;

    public VmCalls(HttpTransport transport, AdminAuthKeys authKeys) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.authKeys = Objects.requireNonNull(authKeys, "authKeys");
        this.serviceName = transport.options().serviceName();
    }

    public HttpTransport transport() {
        return transport;
    }

    public String serviceName() {
        return serviceName;
    }

    public HttpResponse send(HttpRequest request) {
        return transport.execute(request);
    }

    public String text(HttpRequest request) {
        return send(request).bodyAsString();
    }

    /**
     * A call to an admin endpoint: a GET (or the given builder unchanged) without a key; with a key a
     * POST whose form body carries {@code authKey} and the query parameters.
     *
     * @param idempotent whether the call may be retried
     */
    public HttpResponse admin(HttpRequest.Builder request, AdminAuthKeys.Purpose purpose, boolean idempotent) {
        HttpRequest plain = request.idempotent(idempotent).build();
        Secret key = authKeys.key(purpose).orElse(null);
        if (key == null) {
            return send(plain);
        }
        StringBuilder form = new StringBuilder("authKey=").append(encode(key.reveal()));
        for (Map.Entry<String, List<String>> parameter : plain.query().entrySet()) {
            for (String value : parameter.getValue()) {
                form.append('&').append(encode(parameter.getKey())).append('=').append(encode(value));
            }
        }
        HttpRequest.Builder post = HttpRequest.post(plain.path()).idempotent(idempotent)
                .body(form.toString().getBytes(StandardCharsets.UTF_8), FORM);
        plain.allowedStatuses().forEach(post::allowStatus);
        plain.timeout().ifPresent(post::timeout);
        plain.endpoint().ifPresent(post::endpoint);
        return send(post.build());
    }

    /** Parses a JSON answer and checks its {@code status}. */
    public JsonNode json(HttpResponse response, String call) {
        JsonNode root = VmJson.parse(response.bodyAsString(), serviceName + " " + call);
        String status = root.path("status").asText("");
        if (!status.equals("success") && !status.equals("ok")) {
            String error = root.has("error") ? root.path("error").asText() : root.path("msg").asText(status);
            throw new OpsServiceException(serviceName + " " + call + " failed: " + error, response.endpoint().toString(),
                    response.statusCode(), serviceName, root.path("errorType").asText(null), response.bodyAsString());
        }
        return root;
    }

    public JsonNode json(HttpRequest request) {
        return json(send(request), request.describe());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
