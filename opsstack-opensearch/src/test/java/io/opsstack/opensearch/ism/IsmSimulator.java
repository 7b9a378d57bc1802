package io.opsstack.opensearch.ism;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for the ISM plugin's REST endpoints, which cannot run in the lab: answers
 * {@code "METHOD /path"} with a status and a fixture from {@code src/test/resources/ism/}, and records
 * every request. Binds to 127.0.0.1 only.
 */
final class IsmSimulator implements AutoCloseable {
    /** One recorded request. */
    record Request(String method, String path, String query, String body) {
    }

    private final HttpServer server;
    private final Map<String, Object[]> answers = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    IsmSimulator() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), body));
            }
            Object[] answer = answers.getOrDefault(key, new Object[] {400,
                    "{\"error\":\"no handler found for uri [" + exchange.getRequestURI().getPath() + "] and method ["
                            + exchange.getRequestMethod() + "]\"}"});
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Answers {@code method path} (raw, encoded path) with {@code status} and the fixture {@code fixture}. */
    IsmSimulator answer(String method, String rawPath, int status, String fixture) {
        answers.put(method + " " + rawPath, new Object[] {status, fixture(fixture)});
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized Request last() {
        return requests.get(requests.size() - 1);
    }

    synchronized int requestCount() {
        return requests.size();
    }

    static String fixture(String name) {
        try (InputStream in = IsmSimulator.class.getResourceAsStream("/ism/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ism/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
