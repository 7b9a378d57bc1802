package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.HealthStatus;
import java.util.Locale;

/** Guards shared by the index lifecycle operations. */
final class ClusterGuards {
    static final String CLUSTER_NOT_RED = "cluster-not-red";

    private ClusterGuards() {
    }

    /** Passes unless the cluster is red. */
    static GuardResult notRed(OpenSearchOps client) {
        HealthStatus status = client.health().status();
        return status == HealthStatus.RED
                ? GuardResult.fail("cluster health is red: changing indices now could hide or worsen lost primaries")
                : GuardResult.pass("cluster health is " + status.name().toLowerCase(Locale.ROOT));
    }
}
