package io.opsstack.testkit.fault;

import io.opsstack.api.error.OpsValidationException;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One fault a {@link FaultProxy} injects, optionally only into requests with a given method and
 * path prefix. Built with the factories ({@link #resetAfterForward()}, {@link #tooManyRequests(Duration)},
 * …) and narrowed with {@link #matching(String, String)}.
 *
 * @param kind what happens
 * @param status the HTTP status answered for {@link FaultKind#RESPOND}, else 0
 * @param retryAfter the {@code Retry-After} sent with a synthetic answer, or null for none
 * @param latency the delay for {@link FaultKind#LATENCY}, else null
 * @param method the request method this fault applies to (upper case), or null for any
 * @param pathPrefix the request path prefix this fault applies to (query excluded), or null for any
 */
public record FaultSpec(FaultKind kind, int status, Duration retryAfter, Duration latency, String method,
                        String pathPrefix) implements Serializable {

    public FaultSpec {
        Objects.requireNonNull(kind, "kind");
        if ((kind == FaultKind.RESPOND) != (status != 0)) {
            throw new OpsValidationException("a status belongs to RESPOND faults only, and RESPOND needs one: "
                    + kind + " " + status);
        }
        if (kind == FaultKind.RESPOND && (status < 200 || status > 599)) {
            throw new OpsValidationException("synthetic status must be 200-599, was " + status);
        }
        if (retryAfter != null && (kind != FaultKind.RESPOND || retryAfter.isNegative())) {
            throw new OpsValidationException("Retry-After belongs to RESPOND faults and must not be negative");
        }
        if ((kind == FaultKind.LATENCY) != (latency != null) || (latency != null && latency.isNegative())) {
            throw new OpsValidationException("LATENCY faults need a non-negative latency, other faults none");
        }
        if (kind == FaultKind.RESET_ON_CONNECT && (method != null || pathPrefix != null)) {
            throw new OpsValidationException("RESET_ON_CONNECT happens before a request is read; it cannot match one");
        }
        if (pathPrefix != null && !pathPrefix.startsWith("/")) {
            throw new OpsValidationException("path prefix must start with '/', was '" + pathPrefix + "'");
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    public static FaultSpec resetOnConnect() {
        return of(FaultKind.RESET_ON_CONNECT);
    }

    public static FaultSpec resetBeforeForward() {
        return of(FaultKind.RESET_BEFORE_FORWARD);
    }

    public static FaultSpec resetAfterForward() {
        return of(FaultKind.RESET_AFTER_FORWARD);
    }

    public static FaultSpec stall() {
        return of(FaultKind.STALL);
    }

    public static FaultSpec latency(Duration latency) {
        return new FaultSpec(FaultKind.LATENCY, 0, null, Objects.requireNonNull(latency, "latency"), null, null);
    }

    /** A synthetic answer with {@code status} and a small JSON error body. */
    public static FaultSpec status(int status) {
        return new FaultSpec(FaultKind.RESPOND, status, null, null, null, null);
    }

    /** 429 with {@code Retry-After} in whole seconds (rounded up). */
    public static FaultSpec tooManyRequests(Duration retryAfter) {
        return new FaultSpec(FaultKind.RESPOND, 429, Objects.requireNonNull(retryAfter, "retryAfter"), null, null, null);
    }

    public static FaultSpec badGateway() {
        return status(502);
    }

    public static FaultSpec serviceUnavailable() {
        return status(503);
    }

    /**
     * This fault, applied only to requests with {@code method} (null: any) whose path starts with
     * {@code pathPrefix} (null: any).
     */
    public FaultSpec matching(String method, String pathPrefix) {
        return new FaultSpec(kind, status, retryAfter, latency, method, pathPrefix);
    }

    /** Whether a request with this method and path (no query) is subject to this fault. */
    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathPrefix == null || requestPath.startsWith(pathPrefix));
    }

    /** Whether the fault is decided per connection rather than per request. */
    public boolean connectionLevel() {
        return kind == FaultKind.RESET_ON_CONNECT;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind.name());
        if (status != 0) {
            map.put("status", status);
        }
        if (retryAfter != null) {
            map.put("retry_after", retryAfter.toString());
        }
        if (latency != null) {
            map.put("latency", latency.toString());
        }
        if (method != null) {
            map.put("method", method);
        }
        if (pathPrefix != null) {
            map.put("path_prefix", pathPrefix);
        }
        return map;
    }

    private static FaultSpec of(FaultKind kind) {
        return new FaultSpec(kind, 0, null, null, null, null);
    }
}
