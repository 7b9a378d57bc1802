package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;

/**
 * One PostgreSQL parameter a configuration change sets, changes or removes.
 *
 * @param name the parameter name
 * @param before the value before, null when unset
 * @param after the value after, null when removed
 * @param restartRequired whether the parameter takes effect only after a restart (postmaster context)
 */
public record ParameterChange(String name, String before, String after, boolean restartRequired) implements Serializable {
    /**
     * Parameters a hot standby must have at least as high as its primary: PostgreSQL refuses to
     * replay (and Patroni restarts a replica with the primary's value from {@code pg_controldata})
     * when a replica's is lower.
     */
    public static final Set<String> HOT_STANDBY_SENSITIVE = Set.of("max_connections", "max_worker_processes",
            "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction");

    public ParameterChange {
        if (name == null || name.isBlank()) {
            throw new OpsValidationException("a parameter change needs a name");
        }
        name = name.toLowerCase(Locale.ROOT);
        if (Objects.equals(before, after)) {
            throw new OpsValidationException("parameter " + name + " does not change (" + before + ")");
        }
    }

    /** True for a hot-standby-sensitive parameter whose numeric value goes down. */
    public boolean lowersHotStandbySensitive() {
        return HOT_STANDBY_SENSITIVE.contains(name) && numeric(after) < numeric(before);
    }

    /** True for a hot-standby-sensitive parameter whose numeric value goes up. */
    public boolean raisesHotStandbySensitive() {
        return HOT_STANDBY_SENSITIVE.contains(name) && numeric(after) > numeric(before);
    }

    /** Keys (the {@link #toMap()} form): {@code name}, {@code before}, {@code after} (null = unset), {@code restart_required}. */
    public static ParameterChange fromMap(Map<?, ?> map) {
        Object before = map.get("before");
        Object after = map.get("after");
        Object restart = map.get("restart_required");
        return new ParameterChange(map.get("name") == null ? null : map.get("name").toString(),
                before == null ? null : before.toString(), after == null ? null : after.toString(),
                restart != null && Requests.bool("restart_required", restart));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("before", before);
        map.put("after", after);
        map.put("restart_required", restartRequired);
        return map;
    }

    /** The value as a number; an unset value counts as PostgreSQL's smallest, so setting one reads as raising. */
    private static long numeric(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("hot-standby-sensitive parameters are whole numbers, got '" + value + "'");
        }
    }
}
