package io.opsstack.api.http;

import io.opsstack.api.internal.http.SensitiveHeaders;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response with its body fully read. Header names are lower-case. {@link #toString()} shows
 * neither the body nor header values that carry credentials.
 *
 * @param statusCode the HTTP status
 * @param headers header values by lower-case name
 * @param body the raw body, empty when there is none
 * @param endpoint the endpoint that answered
 * @param attempts how many attempts it took, 1 without retries
 */
public record HttpResponse(int statusCode, Map<String, List<String>> headers, byte[] body, URI endpoint, int attempts)
        implements Serializable {

    public HttpResponse {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + statusCode);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(endpoint, "endpoint");
        Map<String, List<String>> lowerCase = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                lowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        lowerCase.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(lowerCase);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** Status, endpoint, attempts, body length and headers (credential headers masked), as plain JDK types. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status_code", statusCode);
        out.put("endpoint", endpoint.toString());
        out.put("attempts", attempts);
        out.put("body_length", body.length);
        out.put("headers", SensitiveHeaders.printable(headers));
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse r && statusCode == r.statusCode && attempts == r.attempts
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && endpoint.equals(r.endpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, headers, Arrays.hashCode(body), endpoint, attempts);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + statusCode + " from " + endpoint + ", " + body.length + " bytes, attempts=" + attempts + "]";
    }
}
