package io.opsstack.opensearch.internal.ops;

import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;

/**
 * What the OpenSearch operation definitions share: the operation's name and its target,
 * {@code opensearch/<cluster name>}, read once from the cluster when the definition is built; and guards that only
 * read through the thread-safe client, so the engine may evaluate them at the same time.
 *
 * @param <R> the operation's result
 */
public abstract class ClusterOperationDefinition<R> implements OperationDefinition<R> {
    private final String name;
    private final String target;

    protected ClusterOperationDefinition(String name, OpenSearchOps client) {
        this.name = name;
        this.target = "opensearch/" + client.health().clusterName();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String target() {
        return target;
    }

    @Override
    public final boolean concurrentGuards() {
        return true;
    }
}
