package io.opsstack.testkit.jvm;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;

/**
 * The child JVM's side of a {@link ServiceControlRelay}: every call is forwarded to the test JVM's
 * {@link ServiceControl} and returns when it returned there. Thread-safe.
 */
public final class RelayedServiceControl implements ServiceControl {

    /** Longest a single relayed stop or start may take beyond its own timeout. */
    private static final Duration SLACK = Duration.ofMinutes(2);

    private final URI relay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RelayedServiceControl(URI relay) {
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    @Override
    public void stop(String node, Duration timeout) {
        call("stop", node, timeout);
    }

    @Override
    public void start(String node, Duration timeout) {
        call("start", node, timeout);
    }

    @Override
    public ServiceState state(String node) {
        return ServiceState.valueOf(call("state", node, Duration.ZERO));
    }

    @Override
    public String toString() {
        return "ServiceControl[relayed to " + relay + "]";
    }

    private String call(String action, String node, Duration timeout) {
        URI uri = relay.resolve("/" + action + "?node=" + URLEncoder.encode(node, StandardCharsets.UTF_8)
                + "&timeoutMillis=" + timeout.toMillis());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout.plus(SLACK))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new OpsException(action + " of " + node + " failed in the test JVM: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new OpsConnectException("service control relay " + relay + " unreachable: " + e.getMessage(), e,
                    relay.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsCancelledException.interrupted(action + " of " + node + " through the relay", e);
        }
    }
}
