package io.opsstack.victoria.internal;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.victoria.VmComponentClient;
import io.opsstack.victoria.model.ComponentFlags;
import io.opsstack.victoria.model.HealthCheck;

/**
 * What one process answered on {@code /health}, {@code /flags} and {@code /metrics}; {@code error}
 * is set (and the rest may be null) when it could not be read.
 */
public record NodeReading(HealthCheck health, ComponentFlags flags, MetricsPage metrics, String error) {

    /** Reads all three; a failure becomes the reading's error instead of an exception. */
    public static NodeReading read(VmComponentClient client) {
        try {
            return new NodeReading(client.health(), client.flags(), client.metrics(), null);
        } catch (OpsException e) {
            return new NodeReading(null, null, null, e.getMessage());
        }
    }

    public boolean readable() {
        return error == null;
    }
}
