package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.SensitiveHeaders;
import io.opsstack.api.secret.Redaction;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One HTTP call: method, path below the endpoint's base URI, query parameters (encoded when sent),
 * headers and body, plus how the transport should treat it: whether it is idempotent (only then
 * is it retried), an endpoint to pin it to, its own response timeout and statuses to return
 * instead of throwing.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks credential headers and omits the body.
 */
public final class HttpRequest {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final Boolean idempotent;
    private final URI endpoint;
    private final Duration timeout;
    private final Set<Integer> allowedStatuses;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        Map<String, List<String>> queryCopy = new LinkedHashMap<>();
        b.query.forEach((name, values) -> queryCopy.put(name, List.copyOf(values)));
        this.query = Collections.unmodifiableMap(queryCopy);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.contentType = b.contentType;
        this.idempotent = b.idempotent;
        this.endpoint = b.endpoint;
        this.timeout = b.timeout;
        this.allowedStatuses = Collections.unmodifiableSet(new TreeSet<>(b.allowedStatuses));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder get(String path) {
        return builder().get().path(path);
    }

    public static Builder head(String path) {
        return builder().head().path(path);
    }

    public static Builder post(String path) {
        return builder().post().path(path);
    }

    public static Builder put(String path) {
        return builder().put().path(path);
    }

    public static Builder delete(String path) {
        return builder().delete().path(path);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.path = path;
        query.forEach((name, values) -> b.query.put(name, new ArrayList<>(values)));
        b.headers.putAll(headers);
        b.body = body;
        b.contentType = contentType;
        b.idempotent = idempotent;
        b.endpoint = endpoint;
        b.timeout = timeout;
        b.allowedStatuses.addAll(allowedStatuses);
        return b;
    }

    /** Upper-case method name. */
    public String method() {
        return method;
    }

    /** Path below the endpoint's base URI, starting with {@code /}, as given (not encoded again). */
    public String path() {
        return path;
    }

    /** Query parameters in the order added, unencoded. */
    public Map<String, List<String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A copy of the body; empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0 || contentType != null;
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** Whether the request may be retried: as set, else true only for GET, HEAD and OPTIONS. */
    public boolean idempotent() {
        return idempotent != null ? idempotent : SAFE_METHODS.contains(method);
    }

    /** The one endpoint this request must go to, if pinned. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Response timeout overriding the transport's default. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Non-2xx statuses returned as a response rather than thrown. */
    public Set<Integer> allowedStatuses() {
        return allowedStatuses;
    }

    public boolean isAllowed(int statusCode) {
        return (statusCode >= 200 && statusCode < 300) || allowedStatuses.contains(statusCode);
    }

    /** {@code GET /path?a=b}, redacted, for messages. */
    public String describe() {
        StringBuilder out = new StringBuilder(method).append(' ').append(path);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                out.append(separator).append(parameter.getKey()).append('=').append(value);
                separator = "&";
            }
        }
        return Redaction.redact(out.toString());
    }

    @Override
    public String toString() {
        return "HttpRequest[" + describe() + (headers.isEmpty() ? "" : ", headers=" + SensitiveHeaders.printable(headers))
                + (hasBody() ? ", body=" + body.length + " bytes" + (contentType == null ? "" : " " + contentType) : "")
                + ", idempotent=" + idempotent() + (endpoint == null ? "" : ", endpoint=" + endpoint)
                + (timeout == null ? "" : ", timeout=" + timeout)
                + (allowedStatuses.isEmpty() ? "" : ", allowStatus=" + allowedStatuses) + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String method = "GET";
        private String path = "/";
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = NO_BODY;
        private String contentType;
        private Boolean idempotent;
        private URI endpoint;
        private Duration timeout;
        private final Set<Integer> allowedStatuses = new TreeSet<>();

        private Builder() {
        }

        public Builder method(String method) {
            Objects.requireNonNull(method, "method");
            if (!method.matches("[A-Za-z]+")) {
                throw new OpsValidationException("not an HTTP method: " + method);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder get() {
            return method("GET");
        }

        public Builder head() {
            return method("HEAD");
        }

        public Builder post() {
            return method("POST");
        }

        public Builder put() {
            return method("PUT");
        }

        public Builder delete() {
            return method("DELETE");
        }

        /** Path below the endpoint's base URI; a leading {@code /} is added if missing. Encode path segments yourself. */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (path.contains("?") || path.contains("#")) {
                throw new OpsValidationException("put query parameters in query(name, value), not in the path: " + path);
            }
            this.path = path.startsWith("/") ? path : "/" + path;
            return this;
        }

        /** Adds a query parameter (repeatable); name and value are encoded when sent. */
        public Builder query(String name, String value) {
            Objects.requireNonNull(name, "query name");
            Objects.requireNonNull(value, "query value");
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            return this;
        }

        /** Sets a header, replacing one of the same name. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /** A JSON body ({@code application/json; charset=UTF-8}). */
        public Builder body(String json) {
            return body(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), "application/json; charset=UTF-8");
        }

        public Builder body(byte[] body, String contentType) {
            this.body = Objects.requireNonNull(body, "body").clone();
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /** Declares whether a retry is safe; by default only GET, HEAD and OPTIONS are. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Sends the request to this base URI only, without failover (usually one of the transport's endpoints). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint == null ? null : HttpClientOptions.Builder.normalise(endpoint);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout == null ? null : Timeouts.positive(timeout, "request timeout");
            return this;
        }

        /** Statuses (e.g. 404) returned as a response instead of thrown; 2xx always are. */
        public Builder allowStatus(int... statusCodes) {
            for (int statusCode : statusCodes) {
                if (statusCode < 100 || statusCode > 599) {
                    throw new OpsValidationException("not an HTTP status: " + statusCode);
                }
                allowedStatuses.add(statusCode);
            }
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
