package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as one member sees it ({@code GET /cluster}). {@code scope} is absent from Patroni
 * 3.x answers; the client fills it in from {@code /patroni}.
 *
 * @param scope the cluster name, null if it could not be determined
 * @param members members sorted by name, as Patroni sends them
 * @param paused whether the cluster is in maintenance mode
 * @param scheduledSwitchover a pending scheduled switchover, null if none
 */
public record ClusterStatus(String scope, List<ClusterMember> members, boolean paused,
                            ScheduledSwitchover scheduledSwitchover) implements Serializable {

    public ClusterStatus {
        members = List.copyOf(members == null ? List.of() : members);
    }

    /** The same status with the scope set. */
    public ClusterStatus withScope(String clusterScope) {
        return new ClusterStatus(clusterScope, members, paused, scheduledSwitchover);
    }

    /** The member called {@code name}. */
    public Optional<ClusterMember> member(String name) {
        return members.stream().filter(member -> member.name().equals(name)).findFirst();
    }

    /** The leader (or standby leader); empty while the cluster has none. */
    public Optional<ClusterMember> leader() {
        return members.stream().filter(ClusterMember::isLeader).findFirst();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scope", scope);
        List<Map<String, Object>> list = new ArrayList<>();
        members.forEach(member -> list.add(member.toMap()));
        map.put("members", list);
        map.put("paused", paused);
        map.put("scheduled_switchover", scheduledSwitchover == null ? null : scheduledSwitchover.toMap());
        return map;
    }
}
