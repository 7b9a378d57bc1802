package io.opsstack.victoria;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.secret.Secret;

/**
 * The {@code -*AuthKey} values protecting VictoriaMetrics admin endpoints. A configured key is sent
 * as the {@code authKey} form field of a POST body, never in the URL, so it stays out of logs and
 * exception messages.
 *
 * <p>Immutable and thread-safe; {@link #toString()} lists which keys are set, never their values.
 */
public final class AdminAuthKeys {
    /** Which admin endpoint family a key protects. */
    public enum Purpose {
        /** {@code -snapshotAuthKey}: {@code /snapshot/*}. */
        SNAPSHOT,
        /** {@code -forceMergeAuthKey}: {@code /internal/force_merge}. */
        FORCE_MERGE,
        /** {@code -forceFlushAuthKey}: {@code /internal/force_flush}. */
        FORCE_FLUSH,
        /** {@code -search.resetCacheAuthKey}: {@code /internal/resetRollupResultCache}. */
        RESET_CACHE,
        /** {@code -reloadAuthKey}: {@code /-/reload} on vmagent and vmauth. */
        RELOAD,
        /** {@code -flagsAuthKey}: {@code /flags}. */
        FLAGS,
        /** {@code -metricsAuthKey}: {@code /metrics}. */
        METRICS
    }

    private static final AdminAuthKeys NONE = new AdminAuthKeys(Map.of());
    private static final Set<String> MAP_KEYS = Set.of("snapshot", "force_merge", "force_flush", "reset_cache", "reload",
            "flags", "metrics", "snapshot_env", "force_merge_env", "force_flush_env", "reset_cache_env", "reload_env",
            "flags_env", "metrics_env");

    private final Map<Purpose, Secret> keys;

    private AdminAuthKeys(Map<Purpose, Secret> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static AdminAuthKeys none() {
        return NONE;
    }

    /** The same key for every purpose. */
    public static AdminAuthKeys all(Secret key) {
        EnumMap<Purpose, Secret> map = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            map.put(purpose, key);
        }
        return new AdminAuthKeys(map);
    }

    /**
     * From a script map with keys {@code snapshot}, {@code force_merge}, {@code force_flush},
     * {@code reset_cache}, {@code reload}, {@code flags}, {@code metrics} (or their {@code *_env}
     * forms naming an environment variable).
     */
    public static AdminAuthKeys fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "admin auth key");
        EnumMap<Purpose, Secret> keys = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            Secret secret = OptionMaps.secret(map, purpose.name().toLowerCase(Locale.ROOT));
            if (secret != null) {
                keys.put(purpose, secret);
            }
        }
        return new AdminAuthKeys(keys);
    }

    /** A copy with the key for one purpose set. */
    public AdminAuthKeys with(Purpose purpose, Secret key) {
        EnumMap<Purpose, Secret> map = new EnumMap<>(Purpose.class);
        map.putAll(keys);
        map.put(Objects.requireNonNull(purpose, "purpose"), Objects.requireNonNull(key, "key"));
        return new AdminAuthKeys(map);
    }

    public Optional<Secret> key(Purpose purpose) {
        return Optional.ofNullable(keys.get(purpose));
    }

    @Override
    public String toString() {
        return "AdminAuthKeys" + new TreeSet<>(keys.keySet());
    }
}
