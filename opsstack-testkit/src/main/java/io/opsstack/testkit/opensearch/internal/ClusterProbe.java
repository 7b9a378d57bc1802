package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.secret.Secret;

/**
 * Asks a node what the cluster looks like. Every method answers "unknown" (empty) rather than
 * failing when the node is down, still starting, or has no elected cluster manager, because the
 * callers poll until the answer they wait for arrives.
 */
public final class ClusterProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Short, so a node without an elected cluster manager answers quickly instead of waiting 30 s. */
    private static final String MANAGER_TIMEOUT = "cluster_manager_timeout=2s";
    private static final Pattern NUMBER_OF_NODES = Pattern.compile("\"number_of_nodes\"\\s*:\\s*(\\d+)");

    private final HttpClient client;
    /** {@code Authorization} header for a lab with the security plugin, else null. */
    private final Secret authorization;

    /** A probe of plain-HTTP nodes without authentication. */
    public ClusterProbe() {
        this(null, null);
    }

    /** A probe over TLS trusting {@code tls} (null: plain HTTP), sending {@code authorization} (null: none). */
    public ClusterProbe(SSLContext tls, Secret authorization) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.authorization = authorization;
    }

    /** Names of the nodes in the cluster as seen through this node ({@code _cat/nodes}). */
    public Optional<List<String>> nodeNames(URI node) {
        return get(node, "/_cat/nodes?h=name&" + MANAGER_TIMEOUT).map(ClusterProbe::lines);
    }

    /** {@code number_of_nodes} from {@code _cluster/health}. */
    public OptionalInt numberOfNodes(URI node) {
        Optional<String> health = get(node, "/_cluster/health?" + MANAGER_TIMEOUT);
        if (health.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher matcher = NUMBER_OF_NODES.matcher(health.get());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The body of a 200 response to {@code GET <node><pathAndQuery>}, empty on any failure. */
    public Optional<String> get(URI node, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(node.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization.reveal());
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("querying " + node, e);
        }
    }

    private static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return List.copyOf(lines);
    }
}
