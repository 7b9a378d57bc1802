package io.opsstack.ssh.rolling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.ssh.Command;

/**
 * Health gates configured from maps, for scripts and pipelines:
 * <pre>{@code
 * [type: 'http', name: 'http-ok', url: 'http://{host}:9200/_cluster/health', status: 200,
 *  jsonPath: 'status', jsonEquals: 'green', timeout: '5m', pollInterval: '5s']
 * [type: 'tcp', name: 'port-open', port: 9300, nodePorts: [node2: 9301]]
 * [type: 'command', name: 'health-script', command: 'bin/health.sh', commandTimeout: '30s']
 * }</pre>
 * Durations are texts such as {@code 500ms}, {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}).
 */
public final class HealthGates {
    public static final String TYPE_HTTP = "http";
    public static final String TYPE_TCP = "tcp";
    public static final String TYPE_COMMAND = "command";
    private static final Set<String> COMMON_KEYS = Set.of("type", "name", "timeout", "pollInterval");
    private static final Set<String> HTTP_KEYS = Set.of("url", "nodeUrls", "status", "bodyContains", "jsonPath",
            "jsonEquals", "requestTimeout");
    private static final Set<String> TCP_KEYS = Set.of("port", "nodePorts", "address", "nodeAddresses", "connectTimeout");
    private static final Set<String> COMMAND_KEYS = Set.of("command", "commandTimeout");

    private HealthGates() {
    }

    /** One gate from a map (see the class description); unknown keys are refused. */
    public static HealthGate fromMap(Map<String, ?> map) {
        String type = OptionMaps.requiredString(map, "type", "a health gate");
        String name = OptionMaps.requiredString(map, "name", "a health gate");
        GateTiming timing = timing(map);
        switch (type) {
            case TYPE_HTTP -> {
                OptionMaps.requireKnownKeys(map, union(HTTP_KEYS), "HTTP gate");
                HttpHealthGate.Builder gate = HttpHealthGate.builder(name, OptionMaps.string(map, "url")).timing(timing);
                OptionMaps.nested(map, "nodeUrls").forEach((node, url) -> gate.url(node, String.valueOf(url)));
                Integer status = OptionMaps.integer(map, "status");
                if (status != null) {
                    gate.expectedStatus(status);
                }
                gate.bodyContains(OptionMaps.string(map, "bodyContains"));
                String jsonPath = OptionMaps.string(map, "jsonPath");
                if (jsonPath != null) {
                    gate.jsonEquals(jsonPath, OptionMaps.requiredString(map, "jsonEquals", "HTTP gate " + name));
                }
                Duration requestTimeout = OptionMaps.duration(map, "requestTimeout");
                if (requestTimeout != null) {
                    gate.requestTimeout(requestTimeout);
                }
                return gate.build();
            }
            case TYPE_TCP -> {
                OptionMaps.requireKnownKeys(map, union(TCP_KEYS), "TCP gate");
                Integer port = OptionMaps.integer(map, "port");
                if (port == null) {
                    throw new OpsValidationException("TCP gate " + name + " needs 'port'");
                }
                TcpHealthGate.Builder gate = TcpHealthGate.builder(name, port).timing(timing);
                String address = OptionMaps.string(map, "address");
                if (address != null) {
                    gate.address(address);
                }
                OptionMaps.nested(map, "nodeAddresses").forEach((node, value) -> gate.address(node, String.valueOf(value)));
                Map<String, ?> nodePorts = OptionMaps.nested(map, "nodePorts");
                nodePorts.keySet().forEach(node -> gate.port(node, OptionMaps.integer(nodePorts, node)));
                Duration connectTimeout = OptionMaps.duration(map, "connectTimeout");
                if (connectTimeout != null) {
                    gate.connectTimeout(connectTimeout);
                }
                return gate.build();
            }
            case TYPE_COMMAND -> {
                OptionMaps.requireKnownKeys(map, union(COMMAND_KEYS), "command gate");
                Command.Builder command = Command.builder().shell(OptionMaps.requiredString(map, "command", "command gate " + name));
                Duration commandTimeout = OptionMaps.duration(map, "commandTimeout");
                if (commandTimeout != null) {
                    command.timeout(commandTimeout);
                }
                return CommandHealthGate.builder(name, command.build()).timing(timing).build();
            }
            default -> throw new OpsValidationException("health gate type must be one of " + TYPE_HTTP + ", "
                    + TYPE_TCP + ", " + TYPE_COMMAND + "; was '" + type + "'");
        }
    }

    /** Several gates from a list of maps, in order. */
    public static List<HealthGate> fromMaps(List<? extends Map<String, ?>> maps) {
        List<HealthGate> gates = new ArrayList<>();
        maps.forEach(map -> gates.add(fromMap(map)));
        return List.copyOf(gates);
    }

    private static GateTiming timing(Map<String, ?> map) {
        Duration timeout = OptionMaps.duration(map, "timeout");
        Duration pollInterval = OptionMaps.duration(map, "pollInterval");
        return GateTiming.of(timeout == null ? GateTiming.DEFAULT_TIMEOUT : timeout,
                pollInterval == null ? GateTiming.DEFAULT_POLL_INTERVAL : pollInterval);
    }

    private static Set<String> union(Set<String> typeKeys) {
        Set<String> keys = new HashSet<>(COMMON_KEYS);
        keys.addAll(typeKeys);
        return keys;
    }
}
