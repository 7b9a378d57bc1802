package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsValidationException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport's endpoints in round-robin order: each request starts one further along the list
 * and fails over through the rest.
 */
final class Endpoints {
    private final List<URI> endpoints;
    private final AtomicInteger next = new AtomicInteger();

    Endpoints(List<URI> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** All endpoints, starting with this request's turn. */
    List<URI> nextOrder() {
        int start = Math.floorMod(next.getAndIncrement(), endpoints.size());
        List<URI> order = new ArrayList<>(endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            order.add(endpoints.get((start + i) % endpoints.size()));
        }
        return order;
    }

    /** {@code host:port}, with the scheme's default port filled in. */
    static String hostPort(URI endpoint) {
        int port = endpoint.getPort();
        if (port == -1) {
            port = "https".equals(endpoint.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        }
        return endpoint.getHost() + ":" + port;
    }

    /** Appends the request path and encoded query to the endpoint's base URI. */
    static URI resolve(URI endpoint, String path, Map<String, List<String>> query) {
        StringBuilder uri = new StringBuilder(endpoint.toString()).append(path);
        char separator = '?';
        for (var parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        try {
            return URI.create(uri.toString());
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("request path is not a valid URI path (encode its segments): " + path);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
