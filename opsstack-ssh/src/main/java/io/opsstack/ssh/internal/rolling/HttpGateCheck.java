package io.opsstack.ssh.internal.rolling;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.ssh.rolling.GateProbe;

/** One HTTP GET judged by status code, then optionally by a body substring and a JSON value. */
public final class HttpGateCheck {
    private static final int EXCERPT_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    // One client for every gate: it is thread-safe and owns a connection pool and selector thread.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpGateCheck() {
    }

    /**
     * @param bodyContains text the body must contain, or null
     * @param jsonPointer RFC 6901 pointer (or dotted path) into a JSON body, or null
     * @param jsonEquals the text the value at the pointer must equal (when a pointer is given)
     */
    public static GateProbe probe(String url, int expectedStatus, String bodyContains, String jsonPointer,
                                  String jsonEquals, Duration requestTimeout) {
        String shown = Redaction.redact(url);
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET().build();
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return GateProbe.fail("GET " + shown + " failed: " + describe(e));
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("GET " + shown, e);
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() != expectedStatus) {
            return GateProbe.fail("GET " + shown + " answered " + response.statusCode() + ", expected "
                    + expectedStatus + excerpt(body));
        }
        if (bodyContains != null && !body.contains(bodyContains)) {
            return GateProbe.fail("GET " + shown + " answered " + expectedStatus + " without \"" + bodyContains
                    + "\" in the body" + excerpt(body));
        }
        if (jsonPointer != null) {
            String actual = jsonValue(body, jsonPointer);
            if (!jsonEquals.equals(actual)) {
                return GateProbe.fail("GET " + shown + ": " + jsonPointer + " is "
                        + (actual == null ? "absent" : "\"" + Redaction.excerpt(actual, EXCERPT_CHARS) + "\"")
                        + ", expected \"" + jsonEquals + "\"");
            }
        }
        return GateProbe.pass("GET " + shown + " answered " + response.statusCode());
    }

    /** A dotted path ({@code status.health}) or a JSON pointer ({@code /status/health}) as a pointer. */
    public static String pointer(String pathOrPointer) {
        return pathOrPointer.startsWith("/") ? pathOrPointer : "/" + pathOrPointer.replace('.', '/');
    }

    private static String jsonValue(String body, String jsonPointer) {
        try {
            JsonNode node = JSON.readTree(body).at(pointer(jsonPointer));
            return node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The body on one line, bounded and redacted, for a one-line reason. */
    private static String excerpt(String body) {
        return body.isBlank() ? "" : "; body: " + Redaction.excerpt(body.strip().replaceAll("\\s+", " "), EXCERPT_CHARS);
    }

    /** The exception type and the first message in its cause chain (the JDK client often leaves the top one empty). */
    private static String describe(IOException e) {
        String message = null;
        for (Throwable cause = e; cause != null && message == null; cause = cause.getCause()) {
            message = cause.getMessage();
        }
        if (message == null) {
            return e instanceof ConnectException ? "connection refused or host unreachable" : e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": " + Redaction.redact(message);
    }
}
