package io.opsstack.patroni.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.HttpTransport;
import io.opsstack.patroni.PatroniErrorKind;
import io.opsstack.patroni.PatroniServiceException;

/**
 * The opsstack transport with Patroni error translation, plus what the client learns once and keeps:
 * the scope and the member name behind each REST endpoint (Patroni 3.x answers omit both).
 * Thread-safe.
 */
public final class PatroniRest implements AutoCloseable {
    private final HttpTransport transport;
    private final Map<String, String> memberNames = new ConcurrentHashMap<>();
    private volatile String scope;

    public PatroniRest(HttpClientOptions options) {
        this.transport = HttpTransport.create(options);
    }

    /** Sends the request; error statuses become {@link PatroniServiceException} (401/403 stay auth errors). */
    public HttpResponse send(HttpRequest request) {
        try {
            return transport.execute(request);
        } catch (PatroniServiceException e) {
            throw e;
        } catch (OpsServiceException e) {
            String reason = ServerText.message(e.bodyExcerpt());
            PatroniErrorKind kind = PatroniErrorKind.of(e.statusCode(), reason);
            String message = e.reason() + (reason.isEmpty() ? "" : ": " + reason);
            throw new PatroniServiceException(message, e, e.target().orElse(null), e.statusCode(), kind, reason,
                    e.bodyExcerpt());
        }
    }

    public HttpClientOptions options() {
        return transport.options();
    }

    /**
     * The base URI to pin calls for a member whose {@code api_url} is given: the configured endpoint with
     * the same host and port if there is one (it carries the intended scheme), else the URL's own base.
     */
    public URI endpointFor(String apiUrl) {
        URI api = URI.create(apiUrl);
        for (URI endpoint : transport.endpoints()) {
            if (hostPort(endpoint).equals(hostPort(api))) {
                return endpoint;
            }
        }
        return URI.create(api.getScheme() + "://" + api.getRawAuthority());
    }

    /** {@code host:port} with the scheme's default port filled in, lower-case. */
    public static String hostPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    public void rememberMember(URI endpoint, String name) {
        memberNames.put(hostPort(endpoint), name);
    }

    /** The member name known for the endpoint, or null. */
    public String knownMember(URI endpoint) {
        return memberNames.get(hostPort(endpoint));
    }

    public void rememberScope(String clusterScope) {
        if (clusterScope != null) {
            this.scope = clusterScope;
        }
    }

    /** The scope once learnt, or null. */
    public String knownScope() {
        return scope;
    }

    @Override
    public void close() {
        transport.close();
    }
}
