package io.opsstack.testkit.fault;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FaultProxy} did with one request (or, for {@link FaultKind#RESET_ON_CONNECT}, one
 * connection, with empty method and path).
 *
 * @param connection the proxy's number for the client connection, from 1
 * @param method the request method, e.g. {@code POST}
 * @param path the request path without the query
 * @param query the raw query, empty when there is none
 * @param fault the injected fault, or null when the request was forwarded faithfully
 * @param forwarded whether the request reached the target server
 * @param status the status the client received, 0 when it received none (reset, stall, target unreachable)
 */
public record ProxiedRequest(long connection, String method, String path, String query, FaultKind fault,
                             boolean forwarded, int status) implements Serializable {

    public ProxiedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("connection", connection);
        map.put("method", method);
        map.put("path", path);
        map.put("query", query);
        map.put("fault", fault == null ? null : fault.name());
        map.put("forwarded", forwarded);
        map.put("status", status);
        return map;
    }

    @Override
    public String toString() {
        return "#" + connection + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + (fault == null ? "" : " [" + fault + "]") + (forwarded ? " forwarded" : " not forwarded")
                + (status == 0 ? "" : " -> " + status);
    }
}
