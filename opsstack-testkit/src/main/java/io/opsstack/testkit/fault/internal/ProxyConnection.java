package io.opsstack.testkit.fault.internal;

import io.opsstack.testkit.fault.FaultKind;
import io.opsstack.testkit.fault.FaultSpec;
import io.opsstack.testkit.fault.ProxiedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;

/**
 * Serves one client connection: reads each request, asks the rules whether to inject a fault, and
 * otherwise forwards it over this connection's own connection to the target and copies the answer
 * back. One request at a time, as HTTP/1.1 clients without pipelining send them.
 */
public final class ProxyConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    private final long id;
    private final Socket client;
    private final InetSocketAddress target;
    private final Duration connectTimeout;
    private final FaultRules rules;
    private final ResponseRewrites rewrites;
    private final ExchangeLog log;
    private final Set<Socket> openSockets;
    private Socket upstream;
    private InputStream upstreamIn;

    /**
     * @param openSockets the proxy's open sockets: this connection adds its upstream socket and removes
     *        both sockets when done, so that closing the proxy can close them all
     */
    public ProxyConnection(long id, Socket client, InetSocketAddress target, Duration connectTimeout, FaultRules rules,
                           ResponseRewrites rewrites, ExchangeLog log, Set<Socket> openSockets) {
        this.id = id;
        this.client = client;
        this.target = target;
        this.connectTimeout = connectTimeout;
        this.rules = rules;
        this.rewrites = rewrites;
        this.log = log;
        this.openSockets = openSockets;
    }

    @Override
    public void run() {
        try {
            FaultSpec connectionFault = rules.takeForConnection();
            if (connectionFault != null) {
                log.record(new ProxiedRequest(id, "", "", "", FaultKind.RESET_ON_CONNECT, false, 0));
                LOG.debug("connection #{}: reset on connect", id);
                reset(client);
                return;
            }
            serve();
        } catch (IOException e) {
            LOG.debug("connection #{} ended: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void serve() throws IOException, InterruptedException {
        InputStream clientIn = new BufferedInputStream(client.getInputStream());
        OutputStream clientOut = client.getOutputStream();
        HttpMessage request;
        while ((request = HttpMessage.readRequest(clientIn)) != null) {
            FaultSpec fault = rules.takeForRequest(request.method(), request.path());
            FaultKind kind = fault == null ? null : fault.kind();
            if (kind != null) {
                LOG.debug("connection #{}: {} on {} {}", id, kind, request.method(), request.path());
            }
            if (kind == FaultKind.RESPOND) {
                // recorded before the client can see the answer, so a test reading the log after its call sees it
                record(request, kind, false, fault.status());
                clientOut.write(SyntheticResponses.of(fault, !request.keepsConnectionOpen()));
                clientOut.flush();
                if (!request.keepsConnectionOpen()) {
                    return;
                }
                continue;
            }
            if (kind == FaultKind.RESET_BEFORE_FORWARD) {
                record(request, kind, false, 0);
                reset(client);
                return;
            }
            if (kind == FaultKind.STALL) {
                record(request, kind, false, 0);
                clientIn.transferTo(OutputStream.nullOutputStream()); // until the client gives up or the proxy closes
                return;
            }
            if (kind == FaultKind.LATENCY) {
                Thread.sleep(fault.latency().toMillis());
            }
            HttpMessage response;
            try {
                response = rewrites.apply(exchange(request));
            } catch (IOException e) {
                LOG.debug("connection #{}: target {} failed on {} {}: {}", id, target, request.method(), request.path(),
                        e.toString());
                record(request, kind, upstream != null, 0);
                reset(client);
                return;
            }
            if (kind == FaultKind.RESET_AFTER_FORWARD) {
                record(request, kind, true, 0);
                reset(client);
                return;
            }
            record(request, kind, true, response.status());
            clientOut.write(response.bytes());
            clientOut.flush();
            if (!request.keepsConnectionOpen() || !response.keepsConnectionOpen()) {
                return;
            }
        }
    }

    /** Sends the request to the target (connecting on first use) and reads its whole answer. */
    private HttpMessage exchange(HttpMessage request) throws IOException {
        if (upstream == null) {
            Socket socket = new Socket();
            openSockets.add(socket);
            try {
                socket.connect(target, (int) connectTimeout.toMillis());
            } catch (IOException e) {
                closeQuietly(socket);
                throw e;
            }
            upstream = socket;
            upstreamIn = new BufferedInputStream(socket.getInputStream());
        }
        OutputStream out = upstream.getOutputStream();
        out.write(request.bytes());
        out.flush();
        HttpMessage response = HttpMessage.readResponse(upstreamIn, request.method());
        if (!response.keepsConnectionOpen()) {
            closeQuietly(upstream);
            upstream = null;
        }
        return response;
    }

    private void record(HttpMessage request, FaultKind fault, boolean forwarded, int status) {
        log.record(new ProxiedRequest(id, request.method(), request.path(), request.query(), fault, forwarded, status));
    }

    /** Closes with SO_LINGER 0, so the peer gets a TCP RST instead of an orderly FIN. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            LOG.trace("could not set SO_LINGER", e);
        }
        closeQuietly(socket);
    }

    private void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        openSockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("closing a proxied socket", e);
        }
    }
}
