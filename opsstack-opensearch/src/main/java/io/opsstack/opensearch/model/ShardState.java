package io.opsstack.opensearch.model;

import java.util.Locale;

/** State of one shard copy as reported by {@code _cat/shards}. */
public enum ShardState {
    STARTED, RELOCATING, INITIALIZING, UNASSIGNED;

    /** Parses the {@code state} column; unknown values are rejected rather than guessed. */
    public static ShardState parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("shard state is missing");
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
