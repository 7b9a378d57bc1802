package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * A VictoriaMetrics cluster tenant: {@code accountID} and {@code projectID}, both unsigned 32-bit
 * integers; a missing projectID means 0. Written {@code 12} or {@code 12:34} in URLs
 * ({@code /insert/12:34/prometheus/...}).
 *
 * @param accountId 0 to 4294967295
 * @param projectId 0 to 4294967295
 */
public record Tenant(long accountId, long projectId) implements Serializable {
    /** The largest accountID or projectID (uint32). */
    public static final long MAX_ID = 0xFFFF_FFFFL;
    private static final Tenant DEFAULT = new Tenant(0, 0);

    public Tenant {
        checkRange(accountId, "accountID");
        checkRange(projectId, "projectID");
    }

    /** Tenant {@code 0:0}, the one clients use when none is given. */
    public static Tenant defaultTenant() {
        return DEFAULT;
    }

    public static Tenant of(long accountId, long projectId) {
        return new Tenant(accountId, projectId);
    }

    /**
     * Parses {@code "12"} or {@code "12:34"}.
     *
     * @throws OpsValidationException if a part is empty, not a decimal number or outside 0..4294967295
     */
    public static Tenant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new OpsValidationException("tenant must be 'accountID' or 'accountID:projectID', was empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new Tenant(parsePart(trimmed, "accountID", text), 0);
        }
        return new Tenant(parsePart(trimmed.substring(0, colon), "accountID", text),
                parsePart(trimmed.substring(colon + 1), "projectID", text));
    }

    /** The URL form: {@code 12:34}, or {@code 12} when projectID is 0. */
    public String pathSegment() {
        return projectId == 0 ? Long.toString(accountId) : accountId + ":" + projectId;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("account_id", accountId);
        map.put("project_id", projectId);
        return map;
    }

    @Override
    public String toString() {
        return accountId + ":" + projectId;
    }

    private static long parsePart(String part, String name, String whole) {
        if (part.isEmpty()) {
            throw new OpsValidationException("tenant '" + whole + "' has an empty " + name
                    + "; expected 'accountID' or 'accountID:projectID'");
        }
        if (!part.chars().allMatch(c -> c >= '0' && c <= '9') || part.length() > 10) {
            throw new OpsValidationException("tenant '" + whole + "': " + name + " '" + part
                    + "' is not a number from 0 to " + MAX_ID);
        }
        long value = Long.parseLong(part);
        checkRange(value, name);
        return value;
    }

    private static void checkRange(long value, String name) {
        if (value < 0 || value > MAX_ID) {
            throw new OpsValidationException("tenant " + name + " " + value + " is outside 0.." + MAX_ID + " (uint32)");
        }
    }
}
