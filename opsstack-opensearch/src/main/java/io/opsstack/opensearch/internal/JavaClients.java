package io.opsstack.opensearch.internal;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.internal.http.TlsContexts;
import io.opsstack.api.http.Timeouts;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lazily creates the official {@link OpenSearchClient} on an {@link ApacheHttpClient5Transport} with
 * the endpoints, credentials, TLS and timeouts of the opsstack options, and closes it. The client's
 * own retries are off: opsstack decides what is safe to retry. Thread-safe.
 */
public final class JavaClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JavaClients.class);

    private final HttpClientOptions options;
    private OpenSearchClient client;
    private ApacheHttpClient5Transport transport;
    private boolean closed;

    public JavaClients(HttpClientOptions options) {
        this.options = options;
    }

    public synchronized OpenSearchClient client() {
        if (closed) {
            throw new IllegalStateException("this OpenSearchOps is closed");
        }
        if (client == null) {
            transport = createTransport(options);
            client = new OpenSearchClient(transport);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transport != null) {
            try {
                transport.close();
            } catch (IOException e) {
                LOG.warn("closing the OpenSearch Java client transport failed: {}", e.toString());
            } finally {
                transport = null;
                client = null;
            }
        }
    }

    static ApacheHttpClient5Transport createTransport(HttpClientOptions options) {
        List<URI> endpoints = options.endpoints();
        HttpHost[] hosts = endpoints.stream()
                .map(uri -> new HttpHost(uri.getScheme(), uri.getHost(), port(uri)))
                .toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setDefaultHeaders(headers(options))
                .setHttpClientConfigCallback(new ClientConfig(options));
        String prefix = endpoints.get(0).getRawPath();
        if (prefix != null && !prefix.isEmpty()) {
            builder.setPathPrefix(prefix);
        }
        return builder.build();
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Header[] headers(HttpClientOptions options) {
        List<Header> headers = new ArrayList<>();
        options.defaultHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                headers.add(new BasicHeader(name, value));
            }
        });
        options.credentials().authorizationHeader()
                .ifPresent(value -> headers.add(new BasicHeader("Authorization", value)));
        return headers.toArray(new Header[0]);
    }

    /** Replaces the builder's connection manager with one using opsstack's TLS and timeouts. */
    private static final class ClientConfig implements ApacheHttpClient5TransportBuilder.HttpClientConfigCallback {
        private final HttpClientOptions options;

        ClientConfig(HttpClientOptions options) {
            this.options = options;
        }

        @Override
        public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
            Timeouts timeouts = options.timeouts();
            SSLContext ssl = TlsContexts.create(options.tls(), options.serviceName());
            PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                    .setTlsStrategy(ClientTlsStrategyBuilder.create()
                            .setSslContext(ssl)
                            .setHostnameVerifier(options.tls().hostnameVerification()
                                    ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE)
                            .buildAsync())
                    .setMaxConnPerRoute(options.maxConnections())
                    .setMaxConnTotal(options.maxConnections() * Math.max(1, options.endpoints().size()))
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(timeouts.connect()))
                            .setSocketTimeout(Timeout.of(timeouts.response()))
                            .build())
                    .build();
            return builder.setConnectionManager(connections)
                    .disableAutomaticRetries()
                    .setUserAgent(options.userAgent())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.of(timeouts.connectionRequest()))
                            .setResponseTimeout(Timeout.of(timeouts.response()))
                            .build());
        }
    }
}
