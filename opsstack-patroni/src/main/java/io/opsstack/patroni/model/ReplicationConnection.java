package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WAL sender of a primary ({@code /patroni} {@code replication[]}); the application name is
 * the replica's member name. Fields the server omitted are null.
 */
public record ReplicationConnection(String user, String applicationName, String clientAddress, String state,
                                    String syncState, Integer syncPriority) implements Serializable {

    /** True when the WAL sender is in state {@code streaming}. */
    public boolean isStreaming() {
        return "streaming".equals(state);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("user", user);
        map.put("application_name", applicationName);
        map.put("client_address", clientAddress);
        map.put("state", state);
        map.put("sync_state", syncState);
        map.put("sync_priority", syncPriority);
        return map;
    }
}
