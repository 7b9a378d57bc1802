package io.opsstack.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientBuilderTest {

    /** What a facade's builder does: extend ClientBuilder and build from the collected options. */
    private static final class FacadeBuilder extends ClientBuilder<FacadeBuilder> {
        FacadeBuilder() {
            super("demo");
        }

        HttpClientOptions build() {
            return httpOptions();
        }
    }

    @Test
    void everySharedSettingReachesTheHttpOptions() {
        RetryObserver observer = (endpoint, attempt, delay, cause) -> { };
        HttpClientOptions options = new FacadeBuilder().endpoints("http://127.0.0.1:9200", "http://127.0.0.1:9201")
                .retryObserver(observer).build();
        assertEquals(List.of("http://127.0.0.1:9200", "http://127.0.0.1:9201"),
                options.endpoints().stream().map(Object::toString).toList());
        assertSame(observer, options.retryObserver().orElseThrow());
        assertEquals("demo", options.serviceName());
        assertTrue(new FacadeBuilder().endpoints("http://127.0.0.1:9200").build().retryObserver().isEmpty());
    }
}
