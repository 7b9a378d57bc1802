package io.opsstack.api.internal.http;

import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends one request to one endpoint and reads the whole response; no retries, no status handling. */
final class ExchangeSender {
    private final CloseableHttpClient client;
    private final RequestConfig defaultConfig;
    private final Map<String, String> baseHeaders;

    /** @param baseHeaders sent with every request (default headers and credentials); request headers win */
    ExchangeSender(CloseableHttpClient client, RequestConfig defaultConfig, Map<String, String> baseHeaders) {
        this.client = client;
        this.defaultConfig = defaultConfig;
        this.baseHeaders = Map.copyOf(baseHeaders);
    }

    /** @param attemptNumber recorded in the response, 1 for the first attempt */
    HttpResponse send(URI endpoint, HttpRequest request, int attemptNumber) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(),
                Endpoints.resolve(endpoint, request.path(), request.query()));
        baseHeaders.forEach(http::setHeader);
        request.headers().forEach(http::setHeader);
        if (request.hasBody()) {
            http.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType().orElseThrow())));
        }
        request.timeout().ifPresent(timeout ->
                http.setConfig(RequestConfig.copy(defaultConfig).setResponseTimeout(Timeout.of(timeout)).build()));
        return client.execute(http, response -> read(response, endpoint, attemptNumber));
    }

    private static HttpResponse read(ClassicHttpResponse response, URI endpoint, int attemptNumber) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new HttpResponse(response.getCode(), headers, body, endpoint, attemptNumber);
    }
}
