package io.opsstack.victoria;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.api.metrics.PrometheusTextParser;
import io.opsstack.api.secret.Redaction;
import io.opsstack.victoria.internal.FlagsParser;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.model.ComponentFlags;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.HealthCheck;

/**
 * What every VictoriaMetrics process serves on its HTTP port: {@code /health}, {@code /flags} and
 * {@code /metrics}. The component clients extend it; they are thread-safe and close the transport
 * they own (tenant views share their parent's and close nothing).
 */
public abstract class VmComponentClient implements AutoCloseable {
    private static final int HEALTH_BODY_CHARS = 200;
    private static final PrometheusTextParser PARSER = PrometheusTextParser.create();

    private final ComponentType type;
    private final VmCalls calls;
    private final boolean ownsTransport;

    VmComponentClient(ComponentType type, VmCalls calls, boolean ownsTransport) {
        this.type = Objects.requireNonNull(type, "type");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.ownsTransport = ownsTransport;
    }

    /** The component this client was made for. */
    public ComponentType type() {
        return type;
    }

    /** The base URIs requests go to. */
    public List<URI> endpoints() {
        return calls.transport().endpoints();
    }

    /** {@code /health}: OK (200) or draining (503 during {@code -http.shutdownDelay}); shallow, see {@link HealthCheck}. */
    public HealthCheck health() {
        HttpResponse response = calls.send(HttpRequest.get("/health").allowStatus(503).build());
        String body = Redaction.excerpt(response.bodyAsString().trim(), HEALTH_BODY_CHARS);
        return new HealthCheck(response.statusCode() == 200, response.statusCode(), body);
    }

    /** {@code /flags}: the flags the process was started with. */
    public ComponentFlags flags() {
        return FlagsParser.parse(calls.admin(HttpRequest.get("/flags"), AdminAuthKeys.Purpose.FLAGS, true).bodyAsString());
    }

    /** {@code /metrics}, parsed. */
    public MetricsPage metrics() {
        return PARSER.parse(metricsText());
    }

    /** {@code /metrics} as text. */
    public String metricsText() {
        return calls.admin(HttpRequest.get("/metrics"), AdminAuthKeys.Purpose.METRICS, true).bodyAsString();
    }

    /** Closes the owned transport; a no-op for tenant views. */
    @Override
    public void close() {
        if (ownsTransport) {
            calls.transport().close();
        }
    }

    final VmCalls calls() {
        return calls;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + endpoints();
    }
}
