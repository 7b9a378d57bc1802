package io.opsstack.testkit.victoria.internal.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A persistent TCP connection from a simulated vminsert or vmselect to one vmstorage RPC port,
 * carrying one JSON request and one JSON answer per line. Mirrors the state the real components
 * expose: {@code broken} starts false (so vminsert's is_reachable reads 1 before the first dial), is
 * set by a failed dial or call and cleared by a successful one; {@code connected} means an open
 * socket. Thread-safe; calls are serialized.
 */
final class RpcChannel {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final String address;
    private final String host;
    private final int port;
    private Socket socket;
    private BufferedReader in;
    private Writer out;
    private volatile boolean broken;
    private volatile boolean dialed;
    private volatile boolean readOnly;

    RpcChannel(String address) {
        this.address = address;
        int colon = address.lastIndexOf(':');
        this.host = address.substring(0, colon);
        this.port = Integer.parseInt(address.substring(colon + 1));
    }

    String address() {
        return address;
    }

    boolean broken() {
        return broken;
    }

    boolean dialed() {
        return dialed;
    }

    boolean readOnly() {
        return readOnly;
    }

    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    synchronized boolean connected() {
        return socket != null;
    }

    /** Sends one request and reads its answer, dialing first if needed; a failure marks the channel broken. */
    synchronized JsonNode call(Object request) throws IOException {
        try {
            if (socket == null) {
                dial();
            }
            out.write(SimHttp.JSON.writeValueAsString(request));
            out.write('\n');
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("vmstorage " + address + " closed the connection");
            }
            broken = false;
            return SimHttp.JSON.readTree(line);
        } catch (IOException e) {
            closeSocket();
            broken = true;
            throw e;
        }
    }

    synchronized void close() {
        closeSocket();
    }

    private void dial() throws IOException {
        dialed = true;
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
