package io.opsstack.cli;

import io.opsstack.api.operation.Operation;
import io.opsstack.patroni.PatroniOps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patroni operations. Connection settings: {@code patroni.url} (comma-separated REST endpoints of the
 * members), {@code patroni.user}, the secret {@code patroni.password}, {@code patroni.ca_cert},
 * {@code patroni.insecure}. Requests use the keys of the facade's {@code fromMap} forms.
 */
final class PatroniFamily implements OperationFamily {
    static final String SWITCHOVER = "patroni-switchover";
    static final String ROLLING_RESTART = "patroni-rolling-restart";

    @Override
    public Map<String, String> usage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put(SWITCHOVER, "[--candidate MEMBER] [--max-lag-bytes N] [--convergence-timeout 2m]");
        usage.put(ROLLING_RESTART, "[--member-timeout 5m] [--convergence-timeout 2m] [--max-lag-bytes N]");
        return usage;
    }

    @Override
    public Map<String, Object> request(String operation, CliArgs flags) {
        Map<String, Object> request = new LinkedHashMap<>();
        switch (operation) {
            case SWITCHOVER -> RequestMaps.putIfSet(request, "candidate", flags.optional("candidate"));
            case ROLLING_RESTART -> RequestMaps.putSeconds(request, "member_timeout", flags.duration("member-timeout"));
            default -> throw new UsageException("unknown Patroni operation " + operation);
        }
        RequestMaps.putIfSet(request, "max_lag_bytes", flags.optional("max-lag-bytes"));
        RequestMaps.putSeconds(request, "convergence_timeout", flags.duration("convergence-timeout"));
        return request;
    }

    @Override
    public Connection connect(Settings settings) {
        PatroniOps patroni = PatroniOps.fromMap(settings.httpConnection("patroni", "Patroni"));
        return new Connection() {
            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                return switch (operation) {
                    case SWITCHOVER -> patroni.plannedSwitchover(request);
                    case ROLLING_RESTART -> patroni.rollingRestart(request);
                    default -> throw new UsageException("unknown Patroni operation " + operation);
                };
            }

            @Override
            public void close() {
                patroni.close();
            }
        };
    }
}
