package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.operation.StepContext;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import java.time.Duration;

/**
 * Opening and closing an index. Both re-initialise its shards (closed indices stay replicated), so
 * each waits until the index's primaries are started again: the cluster is briefly red otherwise,
 * and the next step's {@code cluster-not-red} guard would refuse to go on.
 */
final class IndexCommands {
    private static final Duration SETTLE_WAIT = Duration.ofMinutes(5);

    private IndexCommands() {
    }

    static void open(OpenSearchOps client, RestClient rest, String index, StepContext context, String target) {
        rest.body(HttpRequest.post("/" + RestPaths.index(index) + "/_open").idempotent(true).build());
        awaitPrimaries(client, index, context, target);
    }

    static void close(OpenSearchOps client, RestClient rest, String index, StepContext context, String target) {
        rest.body(HttpRequest.post("/" + RestPaths.index(index) + "/_close").idempotent(true).build());
        awaitPrimaries(client, index, context, target);
    }

    private static void awaitPrimaries(OpenSearchOps client, String index, StepContext context, String target) {
        Duration wait = SETTLE_WAIT.compareTo(context.remaining()) < 0 ? SETTLE_WAIT : context.remaining();
        context.waiting("waiting for the primaries of " + index + " to start");
        if (client.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.YELLOW).timeout(wait).build())
                .timedOut()) {
            throw new WaitTimeoutException("the primaries of " + index + " did not start within " + wait, null, target, 1, wait);
        }
    }
}
