package io.opsstack.patroni.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsstack.api.error.OpsException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.patroni.model.MemberStatus;
import io.opsstack.patroni.model.ReplicationConnection;
import io.opsstack.patroni.model.ScheduledSwitchover;
import io.opsstack.patroni.model.WalPositions;

/**
 * Reads Patroni's JSON answers into the model, leniently: unknown fields are ignored, missing ones
 * become null/0/empty, and the 3.x/4.x differences (role names, absent name and scope, {@code lag}
 * as a number or {@code "unknown"}, the 4.1 lag fields) are normalised.
 */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private Responses() {
    }

    public static MemberStatus memberStatus(String body) {
        return memberStatus(tree(body, "/patroni"));
    }

    static MemberStatus memberStatus(JsonNode root) {
        JsonNode patroni = root.path("patroni");
        String rawRole = text(root, "role");
        return new MemberStatus(text(patroni, "name"), text(patroni, "scope"), text(patroni, "version"),
                text(root, "state"), MemberRole.fromPatroni(rawRole), rawRole, (int) number(root, "server_version", 0),
                timestamp(text(root, "postmaster_start_time")), number(root, "timeline", 0), wal(root.path("xlog")),
                replication(root.path("replication")), root.path("pending_restart").asBoolean(false),
                pendingRestartReason(root.path("pending_restart_reason")), textMap(root.path("tags")),
                text(root.path("scheduled_restart"), "schedule"), text(root, "database_system_identifier"),
                root.path("pause").asBoolean(false), root.path("cluster_unlocked").asBoolean(false),
                root.path("sync_standby").asBoolean(false), text(root, "replication_state"),
                number(root, "dcs_last_seen", 0));
    }

    public static ClusterStatus cluster(String body) {
        JsonNode root = tree(body, "/cluster");
        List<ClusterMember> members = new ArrayList<>();
        for (JsonNode member : root.path("members")) {
            String rawRole = text(member, "role");
            JsonNode lag = member.path("lag");
            members.add(new ClusterMember(String.valueOf(text(member, "name")), ClusterRole.fromPatroni(rawRole),
                    rawRole, text(member, "state"), text(member, "api_url"), text(member, "host"),
                    (int) number(member, "port", 0), number(member, "timeline", 0),
                    lag.isNumber() ? Long.valueOf(lag.asLong()) : null, lag.isTextual(),
                    optionalNumber(member.path("receive_lag")), optionalNumber(member.path("replay_lag")),
                    textMap(member.path("tags")), member.path("pending_restart").asBoolean(false),
                    text(member.path("scheduled_restart"), "schedule")));
        }
        JsonNode scheduled = root.path("scheduled_switchover");
        ScheduledSwitchover switchover = scheduled.isObject() && text(scheduled, "at") != null
                ? new ScheduledSwitchover(text(scheduled, "at"), text(scheduled, "from"), text(scheduled, "to")) : null;
        return new ClusterStatus(text(root, "scope"), members, root.path("pause").asBoolean(false), switchover);
    }

    public static List<HistoryEntry> history(String body) {
        JsonNode root = tree(body, "/history");
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode row : root) {
            if (!row.isArray() || row.size() < 2) {
                continue;
            }
            entries.add(new HistoryEntry(row.path(0).asLong(), row.path(1).asLong(), textAt(row, 2), textAt(row, 3),
                    textAt(row, 4)));
        }
        return List.copyOf(entries);
    }

    public static DynamicConfig config(String body) {
        try {
            return new DynamicConfig(JSON.readValue(body, MAP));
        } catch (IOException e) {
            throw unreadable("/config", e);
        }
    }

    /** Parses an object body, null when the body is not JSON (health answers without one). */
    public static MemberStatus memberStatusOrNull(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            return memberStatus(JSON.readTree(body));
        } catch (IOException e) {
            return null;
        }
    }

    private static WalPositions wal(JsonNode xlog) {
        if (!xlog.isObject()) {
            return WalPositions.NONE;
        }
        JsonNode paused = xlog.path("paused");
        return new WalPositions(optionalNumber(xlog.path("location")), optionalNumber(xlog.path("received_location")),
                optionalNumber(xlog.path("replayed_location")), timestamp(text(xlog, "replayed_timestamp")),
                paused.isBoolean() ? paused.asBoolean() : null);
    }

    private static List<ReplicationConnection> replication(JsonNode list) {
        List<ReplicationConnection> connections = new ArrayList<>();
        for (JsonNode row : list) {
            JsonNode priority = row.path("sync_priority");
            connections.add(new ReplicationConnection(text(row, "usename"), text(row, "application_name"),
                    text(row, "client_addr"), text(row, "state"), text(row, "sync_state"),
                    priority.isNumber() ? priority.asInt() : null));
        }
        return connections;
    }

    /** 4.x: {@code {"param": {"old_value": "a", "new_value": "b"}}} → {@code param → "a -> b"}. */
    private static Map<String, String> pendingRestartReason(JsonNode reasons) {
        Map<String, String> out = new LinkedHashMap<>();
        reasons.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            out.put(entry.getKey(), value.isObject()
                    ? value.path("old_value").asText("") + " -> " + value.path("new_value").asText("")
                    : value.asText());
        });
        return out;
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                out.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asText()
                        : entry.getValue().toString());
            }
        });
        return out;
    }

    /** Patroni prints Python datetimes: {@code 2024-05-01 10:00:00.123456+00:00} (ISO with a space). */
    static Instant timestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim().replaceFirst(" ", "T")).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String textAt(JsonNode array, int index) {
        JsonNode value = array.path(index);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static long number(JsonNode node, String field, long fallback) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : value.isTextual() ? parseLong(value.asText(), fallback) : fallback;
    }

    private static Long optionalNumber(JsonNode value) {
        return value.isNumber() ? Long.valueOf(value.asLong()) : null;
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static JsonNode tree(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw unreadable(what, e);
        }
    }

    private static OpsException unreadable(String what, IOException e) {
        return new OpsException("patroni answered " + what + " with a body that is not JSON: " + e.getMessage(),
                e);
    }
}
