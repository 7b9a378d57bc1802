package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * Turns a cluster into a standby cluster of another one, e.g. the former active cluster after a
 * disaster-recovery promotion of its standby: its leader is demoted to a standby leader that
 * replicates (after {@code pg_rewind} where the timelines diverged) from {@code host:port}.
 *
 * @param host the PostgreSQL host of the new active cluster's leader (or a proxy in front of it)
 * @param port its PostgreSQL port
 * @param primarySlotName a replication slot on the source to use, or null for none
 * @param convergenceTimeout how long to wait for the standby leader and its streaming replicas
 */
public record StandbyAttachRequest(String host, int port, String primarySlotName, Duration convergenceTimeout)
        implements Serializable {

    public StandbyAttachRequest {
        if (host == null || host.isBlank()) {
            throw new OpsValidationException("a standby cluster needs the source host");
        }
        if (port < 1 || port > 65535) {
            throw new OpsValidationException("port must be 1-65535, got " + port);
        }
        if (primarySlotName != null && primarySlotName.isBlank()) {
            throw new OpsValidationException("primarySlotName must not be blank; use null for none");
        }
        Requests.requirePositive(convergenceTimeout, "convergenceTimeout");
    }

    /** Replicate from {@code host:port} without a slot, with the default convergence timeout. */
    public static StandbyAttachRequest of(String host, int port) {
        return builder().host(host).port(port).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).primarySlotName(primarySlotName).convergenceTimeout(convergenceTimeout);
    }

    /** The {@code standby_cluster} section written to the dynamic configuration. */
    public Map<String, Object> toStandbyClusterSection() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("host", host);
        section.put("port", port);
        if (primarySlotName != null) {
            section.put("primary_slot_name", primarySlotName);
        }
        return section;
    }

    /**
     * Keys (the {@link #toMap()} form): {@code host}, {@code port}, {@code primary_slot_name},
     * {@code convergence_timeout} (ISO-8601 or seconds).
     */
    public static StandbyAttachRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "host" -> builder.host(value.toString());
                case "port" -> builder.port(Math.toIntExact(Requests.number(key, value)));
                case "primary_slot_name" -> builder.primarySlotName(value.toString());
                case "convergence_timeout" -> builder.convergenceTimeout(Requests.duration(key, value));
                default -> throw new OpsValidationException("unknown standby attach option '" + key
                        + "'; known: host, port, primary_slot_name, convergence_timeout");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(toStandbyClusterSection());
        map.put("convergence_timeout", convergenceTimeout.toString());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port;
        private String primarySlotName;
        private Duration convergenceTimeout = SwitchoverPlanRequest.DEFAULT_CONVERGENCE_TIMEOUT;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder primarySlotName(String primarySlotName) {
            this.primarySlotName = primarySlotName;
            return this;
        }

        public Builder convergenceTimeout(Duration convergenceTimeout) {
            this.convergenceTimeout = convergenceTimeout;
            return this;
        }

        public StandbyAttachRequest build() {
            return new StandbyAttachRequest(host, port, primarySlotName, convergenceTimeout);
        }
    }
}
