package io.opsstack.opensearch.model.snapshot;

import java.util.Locale;

/** State of a snapshot as {@code GET _snapshot/<repo>/<snapshot>} reports it. */
public enum SnapshotState {
    IN_PROGRESS, SUCCESS, PARTIAL, FAILED, INCOMPATIBLE,
    /** A state this version of opsstack does not know. */
    UNKNOWN;

    /** The state named by the server; {@link #UNKNOWN} for anything else. */
    public static SnapshotState parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** True once the snapshot no longer changes. */
    public boolean finished() {
        return this != IN_PROGRESS;
    }
}
