package io.opsstack.ssh.rolling;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.internal.rolling.GateSettings;
import io.opsstack.ssh.internal.rolling.NodeTemplates;

/**
 * Healthy when a TCP connection to the node's port opens, seen from this machine. The address is
 * a template per node ({@code {host}} by default, the node's SSH host) or set per node; the port is
 * one for all nodes or set per node. Immutable and thread-safe.
 */
public final class TcpHealthGate implements HealthGate {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final String name;
    private final String address;
    private final Map<String, String> nodeAddresses;
    private final int port;
    private final Map<String, Integer> nodePorts;
    private final Duration connectTimeout;
    private final GateTiming timing;

    private TcpHealthGate(Builder builder) {
        this.name = GateSettings.requireName(builder.name);
        this.address = Objects.requireNonNull(builder.address, "address");
        this.nodeAddresses = Map.copyOf(builder.nodeAddresses);
        this.port = requirePort(builder.port);
        builder.nodePorts.values().forEach(TcpHealthGate::requirePort);
        this.nodePorts = Map.copyOf(builder.nodePorts);
        this.connectTimeout = Objects.requireNonNull(builder.connectTimeout, "connectTimeout");
        this.timing = Objects.requireNonNull(builder.timing, "timing");
    }

    /** A gate named {@code name} on {@code port} of every node's SSH host. */
    public static Builder builder(String name, int port) {
        return new Builder(name, port);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, port).address(address).connectTimeout(connectTimeout).timing(timing);
        builder.nodeAddresses.putAll(nodeAddresses);
        builder.nodePorts.putAll(nodePorts);
        return builder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe(ServiceNode node) {
        return "TCP " + address(node) + ":" + port(node) + " accepts connections";
    }

    @Override
    public Duration timeout() {
        return timing.timeout();
    }

    @Override
    public Duration pollInterval() {
        return timing.pollInterval();
    }

    @Override
    public GateProbe probe(ServiceNode node, SshExecutor ssh) {
        String host = address(node);
        int nodePort = port(node);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, nodePort), (int) connectTimeout.toMillis());
            return GateProbe.pass("TCP " + host + ":" + nodePort + " is open");
        } catch (IOException e) {
            return GateProbe.fail("TCP " + host + ":" + nodePort + " refused or unreachable: " + e.getMessage());
        }
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", HealthGates.TYPE_TCP);
        map.put("name", name);
        map.put("address", address);
        if (!nodeAddresses.isEmpty()) {
            map.put("nodeAddresses", new LinkedHashMap<>(nodeAddresses));
        }
        map.put("port", port);
        if (!nodePorts.isEmpty()) {
            map.put("nodePorts", new LinkedHashMap<>(nodePorts));
        }
        map.put("connectTimeout", connectTimeout.toString());
        map.putAll(timing.toMap());
        return map;
    }

    @Override
    public String toString() {
        return "TcpHealthGate[" + name + ": " + address + ":" + port + "]";
    }

    private String address(ServiceNode node) {
        return NodeTemplates.perNode(nodeAddresses, address, node);
    }

    private int port(ServiceNode node) {
        return nodePorts.getOrDefault(node.node(), port);
    }

    private static int requirePort(int value) {
        if (value < 1 || value > 65535) {
            throw new OpsValidationException("TCP gate port must be 1-65535, was " + value);
        }
        return value;
    }

    /** Builder of {@link TcpHealthGate}; defaults: address {@code {host}}, 3 s connect timeout, {@link GateTiming#defaults()}. */
    public static final class Builder {
        private final String name;
        private final int port;
        private String address = "{host}";
        private final Map<String, String> nodeAddresses = new LinkedHashMap<>();
        private final Map<String, Integer> nodePorts = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private GateTiming timing = GateTiming.defaults();

        private Builder(String name, int port) {
            this.name = name;
            this.port = port;
        }

        /** Address template with {@code {host}} and {@code {node}} placeholders. */
        public Builder address(String addressTemplate) {
            this.address = addressTemplate;
            return this;
        }

        public Builder address(String node, String nodeAddress) {
            nodeAddresses.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(nodeAddress, "nodeAddress"));
            return this;
        }

        /** The port of one node, overriding the common one. */
        public Builder port(String node, int nodePort) {
            nodePorts.put(Objects.requireNonNull(node, "node"), nodePort);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder timing(GateTiming gateTiming) {
            this.timing = gateTiming;
            return this;
        }

        public Builder timing(Duration timeout, Duration pollInterval) {
            return timing(GateTiming.of(timeout, pollInterval));
        }

        public TcpHealthGate build() {
            return new TcpHealthGate(this);
        }
    }
}
