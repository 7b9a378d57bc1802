package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * A disaster-recovery promotion of a standby cluster: its {@code standby_cluster} section is
 * removed, so its standby leader becomes a writable primary.
 *
 * @param force promote even while the active cluster still looks writable (or cannot be checked):
 *              both clusters then accept writes and diverge
 * @param convergenceTimeout how long to wait for the promoted leader and converged members
 */
public record StandbyPromoteRequest(boolean force, Duration convergenceTimeout) implements Serializable {

    public StandbyPromoteRequest {
        Requests.requirePositive(convergenceTimeout, "convergenceTimeout");
    }

    /** A promotion refused while the active cluster is writable. */
    public static StandbyPromoteRequest guarded() {
        return builder().build();
    }

    /** A promotion even while the active cluster is writable or unknown. */
    public static StandbyPromoteRequest forced() {
        return builder().force(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().force(force).convergenceTimeout(convergenceTimeout);
    }

    /** Keys (the {@link #toMap()} form): {@code force}, {@code convergence_timeout} (ISO-8601 or seconds). */
    public static StandbyPromoteRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "force" -> builder.force(Requests.bool(key, value));
                case "convergence_timeout" -> builder.convergenceTimeout(Requests.duration(key, value));
                default -> throw new OpsValidationException("unknown standby promotion option '" + key
                        + "'; known: force, convergence_timeout");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("force", force);
        map.put("convergence_timeout", convergenceTimeout.toString());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private boolean force;
        private Duration convergenceTimeout = SwitchoverPlanRequest.DEFAULT_CONVERGENCE_TIMEOUT;

        private Builder() {
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public Builder convergenceTimeout(Duration convergenceTimeout) {
            this.convergenceTimeout = convergenceTimeout;
            return this;
        }

        public StandbyPromoteRequest build() {
            return new StandbyPromoteRequest(force, convergenceTimeout);
        }
    }
}
