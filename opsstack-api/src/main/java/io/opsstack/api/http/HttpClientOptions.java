package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.internal.http.SensitiveHeaders;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an {@link HttpTransport} needs: the endpoints of one service (e.g. the nodes of an
 * OpenSearch cluster), credentials, TLS, timeouts, retry and circuit-breaker policies.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows secrets.
 */
public final class HttpClientOptions {
    private static final Set<String> MAP_KEYS = Set.of("endpoints", "service_name", "credentials", "tls", "timeouts",
            "retry", "circuit_breaker", "user_agent", "max_connections", "headers");

    private final List<URI> endpoints;
    private final Credentials credentials;
    private final TlsOptions tls;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final CircuitBreakerPolicy circuitBreakerPolicy;
    private final String serviceName;
    private final String userAgent;
    private final int maxConnections;
    private final Map<String, String> defaultHeaders;
    private final RetryObserver retryObserver;

    private HttpClientOptions(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.credentials = b.credentials;
        this.tls = b.tls;
        this.timeouts = b.timeouts;
        this.retryPolicy = b.retryPolicy;
        this.circuitBreakerPolicy = b.circuitBreakerPolicy;
        this.serviceName = b.serviceName;
        this.userAgent = b.userAgent;
        this.maxConnections = b.maxConnections;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultHeaders));
        this.retryObserver = b.retryObserver;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From a script map: {@code endpoints} (list or comma-separated text), {@code service_name},
     * {@code user_agent}, {@code max_connections}, {@code headers} (map), and the nested maps
     * {@code credentials}, {@code tls}, {@code timeouts}, {@code retry}, {@code circuit_breaker}
     * (see the {@code fromMap} of {@link Credentials}, {@link TlsOptions}, {@link Timeouts},
     * {@link RetryPolicy}, {@link CircuitBreakerPolicy}).
     */
    public static HttpClientOptions fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "http client");
        Builder b = builder().endpoints(OptionMaps.strings(map, "endpoints").toArray(new String[0]))
                .credentials(Credentials.fromMap(OptionMaps.nested(map, "credentials")))
                .tls(TlsOptions.fromMap(OptionMaps.nested(map, "tls")))
                .timeouts(Timeouts.fromMap(OptionMaps.nested(map, "timeouts")))
                .retryPolicy(RetryPolicy.fromMap(OptionMaps.nested(map, "retry")))
                .circuitBreakerPolicy(CircuitBreakerPolicy.fromMap(OptionMaps.nested(map, "circuit_breaker")));
        String serviceName = OptionMaps.string(map, "service_name");
        String userAgent = OptionMaps.string(map, "user_agent");
        Integer maxConnections = OptionMaps.integer(map, "max_connections");
        if (serviceName != null) {
            b.serviceName(serviceName);
        }
        if (userAgent != null) {
            b.userAgent(userAgent);
        }
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        OptionMaps.nested(map, "headers").forEach((name, value) -> b.defaultHeader(name, String.valueOf(value)));
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoints.addAll(endpoints);
        b.credentials = credentials;
        b.tls = tls;
        b.timeouts = timeouts;
        b.retryPolicy = retryPolicy;
        b.circuitBreakerPolicy = circuitBreakerPolicy;
        b.serviceName = serviceName;
        b.userAgent = userAgent;
        b.maxConnections = maxConnections;
        b.defaultHeaders.putAll(defaultHeaders);
        b.retryObserver = retryObserver;
        return b;
    }

    /** Base URIs ({@code scheme://host:port[/prefix]}) in the order given. */
    public List<URI> endpoints() {
        return endpoints;
    }

    public Credentials credentials() {
        return credentials;
    }

    public TlsOptions tls() {
        return tls;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public CircuitBreakerPolicy circuitBreakerPolicy() {
        return circuitBreakerPolicy;
    }

    /** Names the service in exceptions, logs and breaker names (e.g. {@code opensearch}, {@code patroni}). */
    public String serviceName() {
        return serviceName;
    }

    public String userAgent() {
        return userAgent;
    }

    /** Pooled connections per endpoint. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Headers sent with every request (a request's own header of the same name wins). */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    public Optional<RetryObserver> retryObserver() {
        return Optional.ofNullable(retryObserver);
    }

    @Override
    public String toString() {
        return "HttpClientOptions[service=" + serviceName + ", endpoints=" + endpoints + ", " + credentials + ", " + tls
                + ", " + timeouts + ", " + retryPolicy + ", " + circuitBreakerPolicy + ", maxConnections=" + maxConnections
                + (defaultHeaders.isEmpty() ? "" : ", headers=" + SensitiveHeaders.printable(defaultHeaders)) + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final List<URI> endpoints = new ArrayList<>();
        private Credentials credentials = Credentials.none();
        private TlsOptions tls = TlsOptions.defaults();
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.defaults();
        private String serviceName = "http";
        private String userAgent = "opsstack";
        private int maxConnections = 10;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private RetryObserver retryObserver;

        private Builder() {
        }

        /** Replaces the endpoint list. */
        public Builder endpoints(List<URI> endpoints) {
            Objects.requireNonNull(endpoints, "endpoints");
            this.endpoints.clear();
            endpoints.forEach(endpoint -> this.endpoints.add(normalise(endpoint)));
            return this;
        }

        /** Replaces the endpoint list, e.g. {@code endpoints("https://os-1:9200", "https://os-2:9200")}. */
        public Builder endpoints(String... endpoints) {
            List<URI> uris = new ArrayList<>();
            for (String endpoint : endpoints) {
                uris.add(parse(endpoint));
            }
            return endpoints(uris);
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder tls(TlsOptions tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
            this.circuitBreakerPolicy = Objects.requireNonNull(circuitBreakerPolicy, "circuitBreakerPolicy");
            return this;
        }

        public Builder serviceName(String serviceName) {
            if (serviceName == null || serviceName.isBlank()) {
                throw new OpsValidationException("serviceName must not be blank");
            }
            this.serviceName = serviceName;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new OpsValidationException("maxConnections must be at least 1, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /** May be null to remove a previously set observer. */
        public Builder retryObserver(RetryObserver retryObserver) {
            this.retryObserver = retryObserver;
            return this;
        }

        public HttpClientOptions build() {
            if (endpoints.isEmpty()) {
                throw new OpsValidationException("at least one endpoint is required");
            }
            return new HttpClientOptions(this);
        }

        private static URI parse(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            try {
                return new URI(endpoint.trim());
            } catch (URISyntaxException e) {
                throw new OpsValidationException("endpoint is not a valid URI: " + e.getReason());
            }
        }

        /** Checks scheme and host and drops a trailing slash; user info is refused so passwords never sit in URIs. */
        static URI normalise(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoint.getRawUserInfo() != null) {
                throw new OpsValidationException("endpoint URIs must not carry user info; use credentials(...) instead");
            }
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new OpsValidationException("endpoint " + endpoint + " must use http or https");
            }
            if (endpoint.getHost() == null) {
                throw new OpsValidationException("endpoint " + endpoint + " has no host");
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new OpsValidationException("endpoint " + endpoint + " must not have a query or fragment");
            }
            String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return URI.create(scheme + "://" + endpoint.getRawAuthority() + path);
        }
    }
}
