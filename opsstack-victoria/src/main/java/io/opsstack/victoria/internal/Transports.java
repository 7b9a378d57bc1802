package io.opsstack.victoria.internal;

import java.util.Objects;

import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpTransport;
import io.opsstack.victoria.model.ComponentType;

/** Creates a component's transport, naming the service after the component unless the caller named it. */
public final class Transports {
    private static final String UNNAMED = HttpClientOptions.builder().endpoints("http://unnamed").build().serviceName();

    private Transports() {
    }

    public static HttpTransport create(HttpClientOptions options, ComponentType type) {
        Objects.requireNonNull(options, "options");
        HttpClientOptions named = options.serviceName().equals(UNNAMED) ? options.toBuilder().serviceName(type.id()).build() : options;
        return HttpTransport.create(named);
    }
}
