package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Main class of one simulated VictoriaMetrics cluster process, launched by
 * {@link io.opsstack.testkit.victoria.VmClusterSimulator} as a child JVM:
 * {@code -component=vminsert|vmselect|vmstorage -httpListenAddr=host:port} plus the component's flags.
 * Serves {@code /health} ({@code OK}), {@code /flags} (the flags as given) and the component's endpoints
 * until the process is signalled.
 */
public final class SimulatedComponentMain {

    private SimulatedComponentMain() {
    }

    public static void main(String[] args) throws IOException {
        SimFlags flags = new SimFlags(args);
        String component = flags.require("component");
        SimComponent handler = switch (component) {
            case "vmstorage" -> new StorageComponent(flags);
            case "vminsert" -> new InsertComponent(flags);
            case "vmselect" -> new SelectComponent(flags);
            default -> throw new IllegalArgumentException("unknown -component=" + component);
        };
        String listen = flags.require("httpListenAddr");
        int colon = listen.lastIndexOf(':');
        HttpServer server = HttpServer.create(new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1))), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try {
                SimHttp http = new SimHttp(exchange);
                switch (http.path()) {
                    case "/health", "/-/healthy", "/-/ready" -> http.text(200, "OK");
                    case "/flags" -> http.text(200, flags.render());
                    default -> handler.handle(http);
                }
            } catch (RuntimeException e) {
                byte[] message = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, message.length);
                exchange.getResponseBody().write(message);
                exchange.close();
            }
        });
        server.start();
        System.out.println("simulated " + component + " listening on " + listen + " with " + flags.render().replace('\n', ' '));
    }
}
