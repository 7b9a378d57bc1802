package io.opsstack.ssh.rolling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.internal.rolling.GateSettings;
import io.opsstack.ssh.internal.rolling.NodeTemplates;
import io.opsstack.ssh.internal.rolling.HttpGateCheck;

/**
 * Healthy when {@code GET <url>} answers the expected status (default 200), and optionally when the
 * body contains a text and a JSON value equals an expected text. The URL is a template per node
 * ({@code {host}} = the node's SSH host, {@code {node}} = its name), or set per node. Redirects are
 * not followed; HTTPS URLs are verified against the JVM's default trust store. Immutable and
 * thread-safe.
 */
public final class HttpHealthGate implements HealthGate {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final String url;
    private final Map<String, String> nodeUrls;
    private final int expectedStatus;
    private final String bodyContains;
    private final String jsonPointer;
    private final String jsonEquals;
    private final Duration requestTimeout;
    private final GateTiming timing;

    private HttpHealthGate(Builder builder) {
        this.name = GateSettings.requireName(builder.name);
        this.url = builder.url;
        this.nodeUrls = Map.copyOf(builder.nodeUrls);
        if ((url == null || url.isBlank()) && nodeUrls.isEmpty()) {
            throw new OpsValidationException("HTTP gate " + name + " needs a URL template or per-node URLs");
        }
        if (builder.expectedStatus < 100 || builder.expectedStatus > 599) {
            throw new OpsValidationException("HTTP gate " + name + ": expected status must be 100-599, was "
                    + builder.expectedStatus);
        }
        this.expectedStatus = builder.expectedStatus;
        this.bodyContains = builder.bodyContains;
        this.jsonPointer = builder.jsonPointer;
        this.jsonEquals = builder.jsonEquals;
        this.requestTimeout = Objects.requireNonNull(builder.requestTimeout, "requestTimeout");
        this.timing = Objects.requireNonNull(builder.timing, "timing");
    }

    /**
     * A gate named {@code name} on {@code urlTemplate}, e.g. {@code http://{host}:9200/_cluster/health};
     * the template may be null when every node gets its own URL through {@link Builder#url(String, String)}.
     */
    public static Builder builder(String name, String urlTemplate) {
        return new Builder(name).url(urlTemplate);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).url(url).expectedStatus(expectedStatus).bodyContains(bodyContains)
                .requestTimeout(requestTimeout).timing(timing);
        builder.nodeUrls.putAll(nodeUrls);
        if (jsonPointer != null) {
            builder.jsonEquals(jsonPointer, jsonEquals);
        }
        return builder;
    }

    @Override
    public String name() {
        return name;
    }

    /** The URL checked on this node. */
    public String url(ServiceNode node) {
        String resolved = NodeTemplates.perNode(nodeUrls, url == null ? "" : url, node);
        if (resolved.isBlank()) {
            throw new OpsValidationException("HTTP gate " + name + " has no URL for node " + node.node());
        }
        return resolved;
    }

    @Override
    public String describe(ServiceNode node) {
        StringBuilder out = new StringBuilder("GET ").append(Redaction.redact(url(node))).append(" -> ").append(expectedStatus);
        if (bodyContains != null) {
            out.append(", body contains \"").append(bodyContains).append('"');
        }
        if (jsonPointer != null) {
            out.append(", ").append(jsonPointer).append(" = \"").append(jsonEquals).append('"');
        }
        return out.toString();
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
        return HttpGateCheck.probe(url(node), expectedStatus, bodyContains, jsonPointer, jsonEquals, requestTimeout);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", HealthGates.TYPE_HTTP);
        map.put("name", name);
        if (url != null) {
            map.put("url", Redaction.redact(url));
        }
        if (!nodeUrls.isEmpty()) {
            Map<String, Object> perNode = new LinkedHashMap<>();
            nodeUrls.forEach((node, nodeUrl) -> perNode.put(node, Redaction.redact(nodeUrl)));
            map.put("nodeUrls", perNode);
        }
        map.put("status", expectedStatus);
        if (bodyContains != null) {
            map.put("bodyContains", bodyContains);
        }
        if (jsonPointer != null) {
            map.put("jsonPath", jsonPointer);
            map.put("jsonEquals", jsonEquals);
        }
        map.put("requestTimeout", requestTimeout.toString());
        map.putAll(timing.toMap());
        return map;
    }

    @Override
    public String toString() {
        return "HttpHealthGate[" + name + ": GET " + (url == null ? nodeUrls.size() + " per-node URLs" : Redaction.redact(url))
                + " -> " + expectedStatus + "]";
    }

    /** Builder of {@link HttpHealthGate}; defaults: status 200, 5 s per request, {@link GateTiming#defaults()}. */
    public static final class Builder {
        private final String name;
        private String url;
        private final Map<String, String> nodeUrls = new LinkedHashMap<>();
        private int expectedStatus = 200;
        private String bodyContains;
        private String jsonPointer;
        private String jsonEquals;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private GateTiming timing = GateTiming.defaults();

        private Builder(String name) {
            this.name = name;
        }

        /** URL template with {@code {host}} and {@code {node}} placeholders. */
        public Builder url(String urlTemplate) {
            this.url = urlTemplate;
            return this;
        }

        /** The URL of one node, overriding the template. */
        public Builder url(String node, String nodeUrl) {
            nodeUrls.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(nodeUrl, "nodeUrl"));
            return this;
        }

        public Builder expectedStatus(int status) {
            this.expectedStatus = status;
            return this;
        }

        /** Text the body must contain; null for none. */
        public Builder bodyContains(String text) {
            this.bodyContains = text;
            return this;
        }

        /**
         * The JSON body's value at {@code path} (a dotted path such as {@code status} or
         * {@code nodes.0.name}, or a JSON pointer such as {@code /status}) must equal {@code expected}
         * as text (numbers and booleans as written in JSON).
         */
        public Builder jsonEquals(String path, String expected) {
            if (path == null || path.isBlank()) {
                throw new OpsValidationException("the JSON path of HTTP gate " + name + " must not be blank");
            }
            this.jsonPointer = path;
            this.jsonEquals = Objects.requireNonNull(expected, "expected");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder timing(GateTiming gateTiming) {
            this.timing = gateTiming;
            return this;
        }

        /** Shorthand for {@code timing(GateTiming.of(timeout, pollInterval))}. */
        public Builder timing(Duration timeout, Duration pollInterval) {
            return timing(GateTiming.of(timeout, pollInterval));
        }

        public HttpHealthGate build() {
            return new HttpHealthGate(this);
        }
    }
}
