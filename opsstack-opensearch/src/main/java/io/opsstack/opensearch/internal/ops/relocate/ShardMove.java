package io.opsstack.opensearch.internal.ops.relocate;

import io.opsstack.opensearch.model.allocation.RerouteCommand;

/** One planned move of a shard copy. */
public record ShardMove(String index, int shard, boolean primary, String from, String to, long bytes) {

    public String label() {
        return index + "[" + shard + "]" + (primary ? "p" : "r");
    }

    /** Step-id fragment: unique per copy and source. */
    String key() {
        return index + "-" + shard + "-" + from;
    }

    RerouteCommand command() {
        return RerouteCommand.move(index, shard, from, to);
    }
}
