package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Request parameters, bodies and answers of the simulated HTTP listeners. */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final String body;
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    SimHttp(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        parse(exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            parse(body);
        }
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String body() {
        return body;
    }

    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    void text(int status, String text) throws IOException {
        send(status, "text/plain; charset=utf-8", text);
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json", JSON.writeValueAsString(value));
    }

    /** The Prometheus API error shape. */
    void error(int status, String message) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "error");
        answer.put("errorType", Integer.toString(status));
        answer.put("error", message);
        json(status, answer);
    }

    void noContent() throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    void send(int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The tenant of {@code /<kind>/<accountID>[:<projectID>]/...} as {@code a:p}; throws if malformed. */
    static String tenant(String path) {
        String[] parts = path.split("/");
        if (parts.length < 3) {
            throw new IllegalArgumentException("missing tenant in " + path);
        }
        String[] ids = parts[2].split(":", -1);
        if (ids.length > 2) {
            throw new IllegalArgumentException("cannot parse tenant " + parts[2]);
        }
        long account = Long.parseUnsignedLong(ids[0]);
        long project = ids.length == 2 ? Long.parseUnsignedLong(ids[1]) : 0;
        if (account > 0xFFFFFFFFL || project > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("tenant out of uint32 range: " + parts[2]);
        }
        return account + ":" + project;
    }

    /** The part of the path after {@code /<kind>/<tenant>/prometheus/}. */
    static String apiSuffix(String path) {
        String[] parts = path.split("/", 5);
        if (parts.length < 5 || !parts[3].equals("prometheus")) {
            throw new IllegalArgumentException("unsupported path " + path);
        }
        return parts[4];
    }
}
