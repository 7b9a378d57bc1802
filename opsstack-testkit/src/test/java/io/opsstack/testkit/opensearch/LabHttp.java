package io.opsstack.testkit.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal HTTP calls against lab nodes for tests. */
final class LabHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LabHttp() {
    }

    static HttpResponse<String> get(URI node, String path) {
        return send(HttpRequest.newBuilder(node.resolve(path)).GET());
    }

    static HttpResponse<String> put(URI node, String path, String json) {
        return send(HttpRequest.newBuilder(node.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> delete(URI node, String path) {
        return send(HttpRequest.newBuilder(node.resolve(path)).DELETE());
    }

    /** GET that must answer 200; returns the body. */
    static String getOk(URI node, String path) {
        HttpResponse<String> response = get(node, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** PUT that must answer 200 or 201. */
    static String putOk(URI node, String path, String json) {
        HttpResponse<String> response = put(node, path, json);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new AssertionError("PUT " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
