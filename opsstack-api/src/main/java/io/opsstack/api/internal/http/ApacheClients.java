package io.opsstack.api.internal.http;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.Timeouts;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled Apache HttpClient 5 classic client: its own retries and redirects off (retries
 * belong to opsstack's policy), cookies off, TLS from {@code TlsOptions}. Hostname verification
 * runs after the handshake ({@link HostnameVerificationPolicy#CLIENT}) so that a name mismatch
 * can be told apart from an untrusted certificate.
 */
final class ApacheClients {
    private ApacheClients() {
    }

    static CloseableHttpClient create(HttpClientOptions options) {
        Timeouts timeouts = options.timeouts();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(TlsContexts.create(options.tls(), options.serviceName()))
                        .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(options.tls().hostnameVerification()
                                ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE)
                        .buildClassic())
                .setMaxConnPerRoute(options.maxConnections())
                .setMaxConnTotal(options.maxConnections() * Math.max(1, options.endpoints().size()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeouts.connect()))
                        .setSocketTimeout(Timeout.of(timeouts.response()))
                        // Operations restart the servers they talk to: re-check a pooled connection idle for
                        // more than a moment so a restarted node's closed socket is not reused.
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(timeouts.connect())).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(options.userAgent())
                .setDefaultRequestConfig(defaultRequestConfig(timeouts))
                .build();
    }

    static RequestConfig defaultRequestConfig(Timeouts timeouts) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeouts.connectionRequest()))
                .setResponseTimeout(Timeout.of(timeouts.response()))
                .build();
    }
}
