package io.opsstack.testkit.opensearch;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one lab node: where to reach it and where its files are. Taken when requested;
 * the pid and {@code running} change as the node is stopped and started.
 *
 * @param name          node name
 * @param httpUri       {@code http://127.0.0.1:<port>}
 * @param transportPort transport (node-to-node) port on 127.0.0.1
 * @param pid           pid of the node process, or -1 if it was never started
 * @param running       true if the process is alive
 * @param directory     the node's directory (config, data, logs)
 * @param logFile       console output of the process (also holds start-up failures before logging is set up)
 * @param serverLogFile OpenSearch's own log, {@code logs/<cluster>.log}
 */
public record LabNode(String name, URI httpUri, int transportPort, long pid, boolean running,
                      String directory, String logFile, String serverLogFile) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LabNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(httpUri, "httpUri");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(serverLogFile, "serverLogFile");
        if (transportPort <= 0 || transportPort > 65535) {
            throw new IllegalArgumentException("transportPort out of range: " + transportPort);
        }
    }

    public Path logPath() {
        return Path.of(logFile);
    }

    public Path serverLogPath() {
        return Path.of(serverLogFile);
    }

    public Path dataDirectory() {
        return Path.of(directory, "data");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("httpUri", httpUri.toString());
        map.put("transportPort", transportPort);
        map.put("pid", pid);
        map.put("running", running);
        map.put("directory", directory);
        map.put("logFile", logFile);
        map.put("serverLogFile", serverLogFile);
        return map;
    }
}
