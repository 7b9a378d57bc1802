package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates the flat script form of the system facades' {@code fromMap} ({@code OpenSearchOps},
 * {@code PatroniOps}, …) into {@link HttpClientOptions}. Flat keys ({@code user}, {@code password_env}, {@code ca_cert}, {@code insecure}, …) and the nested
 * maps of {@link HttpClientOptions#fromMap} ({@code credentials}, {@code tls}, …) are both accepted,
 * but not for the same concern at once.
 */
public final class FlatOptionMaps {
    private static final Map<String, String> CREDENTIAL_KEYS = Map.of("user", "user", "password", "password",
            "password_env", "password_env", "token", "token", "token_env", "token_env", "api_key", "key",
            "api_key_env", "key_env");
    private static final Map<String, String> TLS_KEYS = Map.ofEntries(Map.entry("ca_cert", "ca_certificate"),
            Map.entry("client_cert", "client_certificate"), Map.entry("client_key", "client_key"),
            Map.entry("insecure", "insecure_trust_all"), Map.entry("hostname_verification", "hostname_verification"),
            Map.entry("trust_store", "trust_store"), Map.entry("trust_store_password", "trust_store_password"),
            Map.entry("trust_store_password_env", "trust_store_password_env"),
            Map.entry("trust_store_type", "trust_store_type"), Map.entry("key_store", "key_store"),
            Map.entry("key_store_password", "key_store_password"),
            Map.entry("key_store_password_env", "key_store_password_env"), Map.entry("key_store_type", "key_store_type"));
    private static final Map<String, String> TIMEOUT_KEYS = Map.of("connect_timeout", "connect",
            "response_timeout", "response");
    private static final Set<String> PASS_THROUGH = Set.of("endpoints", "credentials", "tls", "timeouts", "retry",
            "circuit_breaker", "user_agent", "max_connections", "headers");

    private FlatOptionMaps() {
    }

    public static HttpClientOptions toHttpOptions(Map<String, ?> map, String serviceName) {
        Set<String> known = new TreeSet<>(PASS_THROUGH);
        known.addAll(CREDENTIAL_KEYS.keySet());
        known.addAll(TLS_KEYS.keySet());
        known.addAll(TIMEOUT_KEYS.keySet());
        OptionMaps.requireKnownKeys(map, known, serviceName);

        Map<String, Object> http = new LinkedHashMap<>();
        for (String key : PASS_THROUGH) {
            if (map.get(key) != null) {
                http.put(key, map.get(key));
            }
        }
        http.put("service_name", serviceName);
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
