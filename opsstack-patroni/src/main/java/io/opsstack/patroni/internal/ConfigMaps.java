package io.opsstack.patroni.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.internal.http.OptionMaps;

/**
 * Translates the flat script form of {@code PatroniOps.fromMap} into {@link HttpClientOptions}:
 * flat keys ({@code user}, {@code password_env}, {@code ca_cert}, {@code client_cert}, …) or the
 * nested maps of {@link HttpClientOptions#fromMap}, not both for the same concern.
 */
public final class ConfigMaps {
    public static final String SERVICE_NAME = "patroni";

    private static final Map<String, String> CREDENTIAL_KEYS = Map.of("user", "user", "password", "password",
            "password_env", "password_env");
    private static final Map<String, String> TLS_KEYS = Map.of("ca_cert", "ca_certificate",
            "client_cert", "client_certificate", "client_key", "client_key", "insecure", "insecure_trust_all",
            "hostname_verification", "hostname_verification");
    private static final Map<String, String> TIMEOUT_KEYS = Map.of("connect_timeout", "connect",
            "response_timeout", "response");
    private static final Set<String> PASS_THROUGH = Set.of("endpoints", "credentials", "tls", "timeouts", "retry",
            "circuit_breaker", "user_agent", "max_connections", "headers");

    private ConfigMaps() {
    }

    public static HttpClientOptions toHttpOptions(Map<String, ?> map) {
        Set<String> known = new TreeSet<>(PASS_THROUGH);
        known.addAll(CREDENTIAL_KEYS.keySet());
        known.addAll(TLS_KEYS.keySet());
        known.addAll(TIMEOUT_KEYS.keySet());
        OptionMaps.requireKnownKeys(map, known, SERVICE_NAME);
        Map<String, Object> http = new LinkedHashMap<>();
        for (String key : PASS_THROUGH) {
            if (map.get(key) != null) {
                http.put(key, map.get(key));
            }
        }
        http.put("service_name", SERVICE_NAME);
        nest(map, http, "credentials", CREDENTIAL_KEYS);
        nest(map, http, "tls", TLS_KEYS);
        nest(map, http, "timeouts", TIMEOUT_KEYS);
        return HttpClientOptions.fromMap(http);
    }

    private static void nest(Map<String, ?> flat, Map<String, Object> http, String group, Map<String, String> keys) {
        Map<String, Object> nested = new LinkedHashMap<>();
        Set<String> flatKeys = new TreeSet<>();
        keys.forEach((flatKey, nestedKey) -> {
            if (flat.get(flatKey) != null) {
                nested.put(nestedKey, flat.get(flatKey));
                flatKeys.add(flatKey);
            }
        });
        if (nested.isEmpty()) {
            return;
        }
        if (http.containsKey(group)) {
            throw new OpsValidationException("give " + group + " either as the '" + group + "' map or as the keys "
                    + flatKeys + ", not both");
        }
        http.put(group, nested);
    }
}
