package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.opensearch.Fixtures;
import io.opsstack.opensearch.OpenSearchServiceException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static OpsServiceException transportError(int status, String body) {
        return new OpsServiceException("opensearch answered HTTP " + status + " to GET /x at http://127.0.0.1:9200",
                "http://127.0.0.1:9200", status, "opensearch", null, body);
    }

    @Test
    void carriesTypeReasonAndCause() {
        OpsServiceException cause = transportError(404, Fixtures.read("error-index-not-found.json"));
        OpenSearchServiceException e = ErrorResponses.from(cause);
        assertEquals(404, e.statusCode());
        assertEquals("opensearch", e.serviceName());
        assertEquals("index_not_found_exception", e.errorType());
        assertEquals("no such index [missing]", e.errorReason());
        assertEquals("http://127.0.0.1:9200", e.target().orElseThrow());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().startsWith("opensearch answered HTTP 404 to GET /x"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void keepsSecretsOutOfReasonAndExcerpt() {
        String body = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"bad header Authorization: Basic "
                + "dXNlcjpodW50ZXIy password=hunter2\"},\"status\":400}";
        OpenSearchServiceException e = ErrorResponses.from(transportError(400, body));
        assertEquals("security_exception", e.errorType());
        assertFalse(e.errorReason().contains("hunter2"), e.errorReason());
        assertFalse(e.errorReason().contains("dXNlcjpodW50ZXIy"), e.errorReason());
        assertFalse(e.bodyExcerpt().contains("hunter2"), e.bodyExcerpt());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void textBodiesStillGiveAnException() {
        OpenSearchServiceException e = ErrorResponses.from(transportError(503, "<html>bad gateway</html>"));
        assertNull(e.errorType());
        assertNull(e.errorReason());
        assertTrue(e.isRetryable());
    }
}
