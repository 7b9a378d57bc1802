package io.opsstack.testkit.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's target in its own tests: the JDK's HTTP server on 127.0.0.1, counting the requests it
 * executed per method and path, echoing request bodies ({@code /echo}, chunked answer) and answering
 * a fixed text elsewhere ({@code /text?body=…} answers that body).
 */
final class CountingServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();

    CountingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int executed(String method, String path) {
        AtomicInteger count = executed.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        executed.computeIfAbsent(exchange.getRequestMethod() + " " + path, key -> new AtomicInteger()).incrementAndGet();
        byte[] request = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        if (path.equals("/echo")) {
            exchange.sendResponseHeaders(200, 0); // length 0 = chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(request);
            }
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        byte[] body = (query != null && query.startsWith("body=") ? query.substring(5) : "ok " + path)
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
