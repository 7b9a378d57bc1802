package io.opsstack.victoria.ops;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

/**
 * Removes a vmstorage node in two applies, never silently: {@link RemovalPhase#FROM_VMINSERT} first
 * (its plan states the date after which the node's data is past retention), then, after that date or
 * once its data was re-ingested elsewhere, {@link RemovalPhase#FROM_VMSELECT}.
 *
 * @param node                  the vmstorage node's name or address in the definition
 * @param phase                 which apply this is
 * @param removedFromVminsertAt for {@code FROM_VMSELECT}: when the first phase finished (its result's
 *                              {@code removed_from_vminsert_at}); null when {@code dataReingested}
 * @param dataReingested        the caller states the node's data was copied to the remaining nodes
 *                              (e.g. {@code vmctl vm-native}); lifts the retention wait
 * @param settings              timeouts and gates of the restarts
 */
public record RemoveStorageNodeRequest(String node, RemovalPhase phase, Instant removedFromVminsertAt,
                                       boolean dataReingested, RolloutSettings settings) implements Serializable {

    public RemoveStorageNodeRequest {
        if (node == null || node.isBlank()) {
            throw new OpsValidationException("name the vmstorage node to remove");
        }
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(settings, "settings");
        if (settings.gateProfile() != GateProfile.CLUSTER) {
            throw new OpsValidationException("removing a vmstorage node needs the cluster gate profile");
        }
        if (phase == RemovalPhase.FROM_VMSELECT && removedFromVminsertAt == null && !dataReingested) {
            throw new OpsValidationException("removing " + node + " from vmselect needs removedFromVminsertAt (from the first "
                    + "phase's result) or dataReingested(true)");
        }
    }

    /** The first phase for {@code node}. */
    public static RemoveStorageNodeRequest fromVminsert(String node) {
        return builder().node(node).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().node(node).phase(phase).removedFromVminsertAt(removedFromVminsertAt)
                .dataReingested(dataReingested).settings(settings);
    }

    /**
     * Keys: {@code node}, {@code phase} ({@code from_vminsert}, {@code from_vmselect}),
     * {@code removed_from_vminsert_at} (ISO-8601 instant), {@code data_reingested}, plus the
     * {@link RolloutSettings#fromMap} keys.
     */
    public static RemoveStorageNodeRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Set<String> known = new HashSet<>(RolloutSettings.KEYS);
        known.addAll(Set.of("node", "phase", "removed_from_vminsert_at", "data_reingested"));
        OptionMaps.requireKnownKeys(map, known, "remove vmstorage");
        Builder b = builder().node(OptionMaps.string(map, "node")).settings(RolloutSettings.fromMap(map));
        String phase = OptionMaps.string(map, "phase");
        if (phase != null) {
            try {
                b.phase(RemovalPhase.valueOf(phase.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OpsValidationException("phase must be from_vminsert or from_vmselect, was '" + phase + "'");
            }
        }
        String at = OptionMaps.string(map, "removed_from_vminsert_at");
        if (at != null) {
            try {
                b.removedFromVminsertAt(Instant.parse(at.trim()));
            } catch (RuntimeException e) {
                throw new OpsValidationException("removed_from_vminsert_at must be an ISO-8601 instant, was '" + at + "'");
            }
        }
        Boolean reingested = OptionMaps.bool(map, "data_reingested");
        return b.dataReingested(reingested != null && reingested).build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("phase", phase.name().toLowerCase(Locale.ROOT));
        map.put("removed_from_vminsert_at", removedFromVminsertAt == null ? null : removedFromVminsertAt.toString());
        map.put("data_reingested", dataReingested);
        map.putAll(settings.toMap());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String node;
        private RemovalPhase phase = RemovalPhase.FROM_VMINSERT;
        private Instant removedFromVminsertAt;
        private boolean dataReingested;
        private RolloutSettings settings = RolloutSettings.defaults();

        private Builder() {
        }

        public Builder node(String node) {
            this.node = node;
            return this;
        }

        public Builder phase(RemovalPhase phase) {
            this.phase = phase;
            return this;
        }

        public Builder removedFromVminsertAt(Instant removedFromVminsertAt) {
            this.removedFromVminsertAt = removedFromVminsertAt;
            return this;
        }

        /** States the node's data was re-ingested into the remaining nodes; lifts the retention wait. */
        public Builder dataReingested(boolean dataReingested) {
            this.dataReingested = dataReingested;
            return this;
        }

        public Builder settings(RolloutSettings settings) {
            this.settings = settings;
            return this;
        }

        public RemoveStorageNodeRequest build() {
            return new RemoveStorageNodeRequest(node, phase, removedFromVminsertAt, dataReingested, settings);
        }
    }
}
