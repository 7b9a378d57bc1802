package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a bulk request.
 *
 * @param succeeded items the server accepted
 * @param failed items the server rejected
 * @param firstErrors the first few item errors as {@code type: reason}
 */
public record BulkResult(int succeeded, int failed, List<String> firstErrors) implements Serializable {

    public BulkResult {
        if (succeeded < 0 || failed < 0) {
            throw new IllegalArgumentException("item counts must not be negative");
        }
        firstErrors = firstErrors == null ? List.of() : List.copyOf(firstErrors);
    }

    public boolean hasFailures() {
        return failed > 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("succeeded", succeeded);
        m.put("failed", failed);
        m.put("first_errors", new ArrayList<>(firstErrors));
        return m;
    }
}
