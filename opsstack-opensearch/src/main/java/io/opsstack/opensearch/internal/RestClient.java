package io.opsstack.opensearch.internal;

import java.net.URI;
import java.util.List;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.HttpTransport;
import io.opsstack.opensearch.OpenSearchServiceException;

/**
 * The opsstack transport with OpenSearch error translation: every error answer becomes an
 * {@link OpenSearchServiceException} carrying the server's error type and reason.
 */
public final class RestClient implements AutoCloseable {
    private final HttpTransport transport;

    public RestClient(HttpClientOptions options) {
        this.transport = HttpTransport.create(options);
    }

    /** Sends {@code request}; statuses the request allows come back as responses. */
    public HttpResponse send(HttpRequest request) {
        try {
            return transport.execute(request);
        } catch (OpenSearchServiceException e) {
            throw e;
        } catch (OpsServiceException e) {
            throw ErrorResponses.from(e);
        }
    }

    /** The base URIs the client was given, in their configured order. */
    public List<URI> endpoints() {
        return transport.endpoints();
    }

    /** Sends {@code request} and returns the body of its (successful or allowed) answer. */
    public String body(HttpRequest request) {
        return send(request).bodyAsString();
    }

    @Override
    public void close() {
        transport.close();
    }
}
