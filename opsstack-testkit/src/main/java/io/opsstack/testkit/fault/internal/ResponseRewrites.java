package io.opsstack.testkit.fault.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text replacements in response bodies, e.g. a cluster member's advertised address replaced by its
 * proxy's, so that a client that follows addresses from answers keeps going through proxies.
 * Compressed bodies are left alone. Thread-safe.
 */
public final class ResponseRewrites {
    private final Map<String, String> replacements = new LinkedHashMap<>();

    public synchronized void add(String from, String to) {
        replacements.put(from, to);
    }

    HttpMessage apply(HttpMessage response) throws IOException {
        Map<String, String> current;
        synchronized (this) {
            if (replacements.isEmpty() || !response.hasBody() || response.header("Content-Encoding") != null) {
                return response;
            }
            current = new LinkedHashMap<>(replacements);
        }
        String text = new String(response.content(), StandardCharsets.UTF_8);
        String rewritten = text;
        for (Map.Entry<String, String> replacement : current.entrySet()) {
            rewritten = rewritten.replace(replacement.getKey(), replacement.getValue());
        }
        return rewritten.equals(text) ? response : response.withContent(rewritten.getBytes(StandardCharsets.UTF_8));
    }
}
