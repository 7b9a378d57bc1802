package io.opsstack.testkit.fault;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.fault.internal.ExchangeLog;
import io.opsstack.testkit.fault.internal.FaultRules;
import io.opsstack.testkit.fault.internal.ProxyConnection;
import io.opsstack.testkit.fault.internal.ResponseRewrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.x fault-injecting proxy between a client and one real server (a lab node): it listens
 * on a free 127.0.0.1 port and forwards each request over its own connection to the target, unless a
 * rule says to inject a fault — a TCP reset before or after forwarding, a stall, added latency, or
 * a synthetic 429/502/503 answer (see {@link FaultSpec}). Request boundaries are parsed
 * ({@code Content-Length} and chunked), so a fault hits exactly the next matching request even on a
 * kept-alive, pooled connection. Every request is recorded ({@link #requests()},
 * {@link #forwardedCount(String, String)}), so a test can prove that a POST reached the server at most once.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder().target(lab.httpEndpoint()).start()) {
 *     proxy.failNext(2, FaultSpec.serviceUnavailable().matching("GET", "/_cluster/health"));
 *     // point the client at proxy.uri()
 * }
 * }</pre>
 *
 * <p>Plain HTTP only (no TLS termination); {@code Expect: 100-continue} and pipelining are not
 * supported. Thread-safe: rules may be changed while requests flow. {@link #close()} closes every
 * connection and stops every thread.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final InetSocketAddress target;
    private final Duration connectTimeout;
    private final ServerSocket server;
    private final FaultRules rules = new FaultRules();
    private final ResponseRewrites rewrites = new ResponseRewrites();
    private final ExchangeLog log = new ExchangeLog();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final ExecutorService handlers;
    private final Thread acceptor;
    private volatile boolean closed;

    private FaultProxy(Builder b) throws IOException {
        this.target = new InetSocketAddress(b.host, b.port);
        this.connectTimeout = b.connectTimeout;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String name = "fault-proxy-" + server.getLocalPort();
        AtomicLong threads = new AtomicLong();
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-conn-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        LOG.debug("fault proxy {} forwards to {}", uri(), target);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A started proxy to {@code target} ({@code http://host:port}). */
    public static FaultProxy forward(URI target) {
        return builder().target(target).start();
    }

    /** {@code http://127.0.0.1:<port>}: where clients connect instead of the target. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server requests are forwarded to, as {@code host:port}. */
    public String target() {
        return target.getHostString() + ":" + target.getPort();
    }

    /** Injects {@code fault} into the next {@code count} matching requests (or new connections, for connection faults). */
    public void failNext(int count, FaultSpec fault) {
        Objects.requireNonNull(fault, "fault");
        if (count < 1) {
            throw new OpsValidationException("count must be at least 1, was " + count);
        }
        rules.add(count, fault);
    }

    /** Injects {@code fault} into every matching request (or new connection) until {@link #clear()}. */
    public void failAlways(FaultSpec fault) {
        rules.addAlways(Objects.requireNonNull(fault, "fault"));
    }

    /** Removes every pending fault; later requests are forwarded faithfully. The history is kept. */
    public void clear() {
        rules.clear();
    }

    /**
     * Replaces {@code from} with {@code to} in every later response body (not compressed ones), e.g. a
     * member's advertised {@code 127.0.0.1:8008} by its proxy's address, so that a client following
     * addresses from answers stays behind the proxies.
     */
    public void rewriteResponses(String from, String to) {
        if (from == null || from.isEmpty() || to == null) {
            throw new OpsValidationException("a response rewrite needs a non-empty 'from' and a 'to'");
        }
        rewrites.add(from, to);
    }

    /** Every request (and reset connection) so far, in the order they were handled. */
    public List<ProxiedRequest> requests() {
        return log.snapshot();
    }

    /** How many requests with {@code method} and exactly {@code path} (no query) reached the target. */
    public int forwardedCount(String method, String path) {
        return log.forwardedCount(Objects.requireNonNull(method, "method"), Objects.requireNonNull(path, "path"));
    }

    /** How many faults were injected so far. */
    public int injectedCount() {
        return log.injectedCount();
    }

    /** Stops accepting, closes every client and target connection and stops every proxy thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket of {}", uri(), e);
        }
        for (Socket socket : openSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.trace("closing a proxied socket", e);
            }
        }
        handlers.shutdownNow();
        try {
            acceptor.join(STOP_TIMEOUT.toMillis());
            if (!handlers.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("fault proxy {} threads did not stop within {}", uri(), STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + uri() + " -> " + target() + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                openSockets.add(client);
                if (closed) {
                    client.close();
                    return;
                }
                handlers.execute(new ProxyConnection(connections.incrementAndGet(), client, target, connectTimeout,
                        rules, rewrites, log, openSockets));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("fault proxy {} stopped accepting: {}", uri(), e.toString());
                }
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    /** Builder for {@link FaultProxy}; not thread-safe. */
    public static final class Builder {
        private String host;
        private int port;
        private Duration connectTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        public Builder target(String host, int port) {
            if (host == null || host.isBlank() || port < 1 || port > 65535) {
                throw new OpsValidationException("target needs a host and a port 1-65535, was " + host + ":" + port);
            }
            this.host = host;
            this.port = port;
            return this;
        }

        /** The target's host and port from a base URI such as {@code http://127.0.0.1:9200}. */
        public Builder target(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                throw new OpsValidationException("the fault proxy forwards plain HTTP only, not " + uri);
            }
            return target(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
        }

        /** How long a connection to the target may take (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new OpsValidationException("connectTimeout must be positive, was " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Binds a free loopback port and starts accepting. */
        public FaultProxy start() {
            if (host == null) {
                throw new OpsValidationException("a fault proxy needs a target");
            }
            try {
                return new FaultProxy(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
            }
        }
    }
}
