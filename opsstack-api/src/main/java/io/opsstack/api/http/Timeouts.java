package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-call time limits: establishing a connection (TCP and TLS), waiting for the response, and
 * waiting for a free pooled connection. Each bounds one attempt; retries add their own attempts.
 */
public final class Timeouts {
    private static final Timeouts DEFAULTS = builder().build();
    private static final Set<String> MAP_KEYS = Set.of("connect", "response", "connection_request");

    private final Duration connect;
    private final Duration response;
    private final Duration connectionRequest;

    private Timeouts(Builder b) {
        this.connect = b.connect;
        this.response = b.response;
        this.connectionRequest = b.connectionRequest;
    }

    /** connect 5 s, response 30 s, connection request 5 s. */
    public static Timeouts defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From a script map with keys {@code connect}, {@code response}, {@code connection_request} (e.g. {@code "30s"}). */
    public static Timeouts fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return DEFAULTS;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "timeouts");
        Builder b = builder();
        Duration connect = OptionMaps.duration(map, "connect");
        Duration response = OptionMaps.duration(map, "response");
        Duration connectionRequest = OptionMaps.duration(map, "connection_request");
        if (connect != null) {
            b.connect(connect);
        }
        if (response != null) {
            b.response(response);
        }
        if (connectionRequest != null) {
            b.connectionRequest(connectionRequest);
        }
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder().connect(connect).response(response).connectionRequest(connectionRequest);
    }

    public Duration connect() {
        return connect;
    }

    public Duration response() {
        return response;
    }

    public Duration connectionRequest() {
        return connectionRequest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeouts t && connect.equals(t.connect) && response.equals(t.response)
                && connectionRequest.equals(t.connectionRequest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connect, response, connectionRequest);
    }

    @Override
    public String toString() {
        return "Timeouts[connect=" + connect + ", response=" + response + ", connectionRequest=" + connectionRequest + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Duration connect = Duration.ofSeconds(5);
        private Duration response = Duration.ofSeconds(30);
        private Duration connectionRequest = Duration.ofSeconds(5);

        private Builder() {
        }

        public Builder connect(Duration timeout) {
            this.connect = positive(timeout, "connect timeout");
            return this;
        }

        public Builder response(Duration timeout) {
            this.response = positive(timeout, "response timeout");
            return this;
        }

        public Builder connectionRequest(Duration timeout) {
            this.connectionRequest = positive(timeout, "connection request timeout");
            return this;
        }

        public Timeouts build() {
            return new Timeouts(this);
        }
    }

    static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new OpsValidationException(what + " must be positive, was " + value);
        }
        return value;
    }
}
