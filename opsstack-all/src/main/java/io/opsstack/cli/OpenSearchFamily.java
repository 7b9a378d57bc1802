package io.opsstack.cli;

import io.opsstack.api.operation.Operation;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.ops.DrainRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenSearch operations. Connection settings: {@code opensearch.url} (comma-separated endpoints),
 * {@code opensearch.user}, the secret {@code opensearch.password}, {@code opensearch.ca_cert},
 * {@code opensearch.insecure}.
 */
final class OpenSearchFamily implements OperationFamily {
    static final String TIER_MOVE = "opensearch-tier-move";
    static final String DRAIN = "opensearch-drain";
    static final String UNDRAIN = "opensearch-undrain";

    @Override
    public Map<String, String> usage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put(TIER_MOVE, "--index NAME[,NAME...] --tier TIER [--attribute temp] [--wait-timeout 30m]");
        usage.put(DRAIN, "--node NAME [--wait-timeout 60m]   (moves every shard off the node; it stays excluded)");
        usage.put(UNDRAIN, "--node NAME   (takes a drained node back)");
        return usage;
    }

    @Override
    public Map<String, Object> request(String operation, CliArgs flags) {
        Map<String, Object> request = new LinkedHashMap<>();
        switch (operation) {
            case TIER_MOVE -> {
                request.put("indices", flags.requiredList("index"));
                request.put("tier", flags.required("tier"));
                RequestMaps.putIfSet(request, "attribute", flags.optional("attribute"));
                RequestMaps.putSeconds(request, "wait_timeout_seconds", flags.duration("wait-timeout"));
            }
            case DRAIN -> {
                request.put("node", flags.required("node"));
                RequestMaps.putSeconds(request, "wait_timeout_seconds", flags.duration("wait-timeout"));
            }
            case UNDRAIN -> request.put("node", flags.required("node"));
            default -> throw new UsageException("unknown OpenSearch operation " + operation);
        }
        return request;
    }

    @Override
    public Connection connect(Settings settings) {
        OpenSearchOps os = OpenSearchOps.fromMap(settings.httpConnection("opensearch", "OpenSearch"));
        return new Connection() {
            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                return switch (operation) {
                    case TIER_MOVE -> os.tierMove(request);
                    case DRAIN -> os.drain(drainRequest(request));
                    case UNDRAIN -> os.undrain(String.valueOf(request.get("node")));
                    default -> throw new UsageException("unknown OpenSearch operation " + operation);
                };
            }

            @Override
            public void close() {
                os.close();
            }
        };
    }

    private static DrainRequest drainRequest(Map<String, ?> request) {
        DrainRequest.Builder drain = DrainRequest.builder(String.valueOf(request.get("node")));
        Object seconds = request.get("wait_timeout_seconds");
        if (seconds != null) {
            drain.waitTimeout(Duration.ofSeconds(Long.parseLong(String.valueOf(seconds))));
        }
        return drain.build();
    }
}
