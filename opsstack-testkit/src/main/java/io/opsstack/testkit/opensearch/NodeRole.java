package io.opsstack.testkit.opensearch;

import java.util.Locale;

import io.opsstack.api.error.OpsValidationException;

/** Roles a lab node can hold ({@code node.roles}). */
public enum NodeRole {
    CLUSTER_MANAGER("cluster_manager"),
    DATA("data"),
    INGEST("ingest");

    private final String settingValue;

    NodeRole(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value used in {@code node.roles}. */
    public String settingValue() {
        return settingValue;
    }

    /** Parses {@code cluster_manager}, {@code data} or {@code ingest} (case-insensitive; {@code master} is accepted). */
    public static NodeRole parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if ("master".equals(normalized)) {
            return CLUSTER_MANAGER;
        }
        for (NodeRole role : values()) {
            if (role.settingValue.equals(normalized)) {
                return role;
            }
        }
        throw new OpsValidationException("unknown node role '" + value + "'; expected cluster_manager, data or ingest");
    }
}
