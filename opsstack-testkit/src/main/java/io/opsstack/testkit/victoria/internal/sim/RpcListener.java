package io.opsstack.testkit.victoria.internal.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vmstorage RPC port ({@code -vminsertAddr} or {@code -vmselectAddr}): accepts connections, counts
 * the open ones ({@code vm_vminsert_conns} / {@code vm_vmselect_conns}) and answers each JSON line
 * with the handler's JSON.
 */
final class RpcListener {

    /** Answers one request. */
    interface Handler {
        Object handle(JsonNode request);
    }

    private final ServerSocket server;
    private final AtomicInteger open = new AtomicInteger();
    private final Handler handler;

    RpcListener(String address, Handler handler) throws IOException {
        int colon = address.lastIndexOf(':');
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
        this.handler = handler;
        Thread acceptor = new Thread(this::accept, "rpc-accept-" + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int openConnections() {
        return open.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread worker = new Thread(() -> serve(socket), "rpc-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(SimHttp.JSON.writeValueAsString(handler.handle(SimHttp.JSON.readTree(line))));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the peer went away; the connection is no longer counted
        } finally {
            open.decrementAndGet();
        }
    }
}
