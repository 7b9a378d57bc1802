package io.opsstack.testkit.jvm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opsstack.api.service.ServiceControl;

/**
 * Lends a {@link ServiceControl} of the test JVM (e.g. a lab's, which owns the node processes) to a
 * {@link ChildJvm}: a small HTTP endpoint on 127.0.0.1 that the child reaches through
 * {@link RelayedServiceControl}. Stops and starts really happen in the test JVM, exactly as the lab
 * does them for an apply in the test JVM, so a child killed mid-operation leaves the nodes as a
 * crashed operator process would.
 *
 * <p>Thread-safe; close it to stop serving.
 */
public final class ServiceControlRelay implements AutoCloseable {

    private final ServiceControl control;
    private final HttpServer server;
    private final ExecutorService executor;

    private ServiceControlRelay(ServiceControl control, HttpServer server, ExecutorService executor) {
        this.control = control;
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code control} on a free loopback port until {@link #close()}. */
    public static ServiceControlRelay serve(ServiceControl control) {
        Objects.requireNonNull(control, "control");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "service-control-relay");
                thread.setDaemon(true);
                return thread;
            });
            ServiceControlRelay relay = new ServiceControlRelay(control, server, executor);
            server.createContext("/", relay::handle);
            server.setExecutor(executor);
            server.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the service control relay", e);
        }
    }

    /** Where the child's {@link RelayedServiceControl} must connect. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String node = query.get("node");
            Duration timeout = Duration.ofMillis(Long.parseLong(query.getOrDefault("timeoutMillis", "0")));
            String answer;
            int status = 200;
            try {
                answer = switch (exchange.getRequestURI().getPath()) {
                    case "/stop" -> {
                        control.stop(node, timeout);
                        yield "stopped";
                    }
                    case "/start" -> {
                        control.start(node, timeout);
                        yield "started";
                    }
                    case "/state" -> control.state(node).name();
                    default -> {
                        status = 404;
                        yield "no such call";
                    }
                };
            } catch (RuntimeException e) {
                status = 500;
                answer = e.toString();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
