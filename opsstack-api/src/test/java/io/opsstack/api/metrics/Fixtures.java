package io.opsstack.api.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the metrics pages under {@code src/test/resources/metrics}. */
final class Fixtures {
    private Fixtures() {
    }

    static String page(String fileName) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/metrics/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sampleLines(String page) {
        return page.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
    }
}
