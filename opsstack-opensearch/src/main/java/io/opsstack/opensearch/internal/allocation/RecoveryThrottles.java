package io.opsstack.opensearch.internal.allocation;

import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.SettingSource;
import io.opsstack.opensearch.ops.RecoveryLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raises the recovery throttles for the duration of an operation, within the caller's limits, and
 * restores the previous persistent values. The previous value is saved in the journal before the
 * first change (and never overwritten by a resumed run, which would see the raised value), so a
 * cleanup after a crash restores what the user had.
 */
public final class RecoveryThrottles {
    public static final String CONCURRENT = "cluster.routing.allocation.node_concurrent_recoveries";
    public static final String MAX_BYTES = "indices.recovery.max_bytes_per_sec";
    private static final List<String> KEYS = List.of(CONCURRENT, MAX_BYTES);
    private static final String SAVED_PREFIX = "recovery-throttle:";

    private RecoveryThrottles() {
    }

    /** The settings a raise would write (key → new value); empty when the cluster is already as fast. */
    public static Map<String, String> raises(ClusterSettings settings, RecoveryLimits limits) {
        Map<String, String> raises = new LinkedHashMap<>();
        if (limits.maxConcurrentRecoveries() > 0 && writable(settings, CONCURRENT)) {
            int current = settings.nodeConcurrentRecoveries().orElse(2);
            if (current < limits.maxConcurrentRecoveries()) {
                raises.put(CONCURRENT, String.valueOf(limits.maxConcurrentRecoveries()));
            }
        }
        if (limits.maxBytesPerSec() != null && writable(settings, MAX_BYTES)) {
            String raw = settings.recoveryMaxBytesPerSec().orElse("40mb");
            long current = bytes(raw);
            if (current > 0 && current < bytes(limits.maxBytesPerSec())) {
                raises.put(MAX_BYTES, limits.maxBytesPerSec());
            }
        }
        return raises;
    }

    /** Raises the throttles, saving each previous persistent value (null = unset) once. */
    public static void raise(OpenSearchOps client, OperationContext context, RecoveryLimits limits) {
        ClusterSettings settings = client.clusterSettings(true);
        Map<String, String> raises = raises(settings, limits);
        if (raises.isEmpty()) {
            return;
        }
        ClusterSettingsUpdate.Builder update = ClusterSettingsUpdate.builder();
        raises.forEach((key, value) -> {
            if (context.savedValue(SAVED_PREFIX + key).isEmpty()) {
                context.saveValue(SAVED_PREFIX + key, settings.persistent().get(key));
            }
            update.persistent(key, value);
        });
        client.putClusterSettings(update.build());
    }

    /** Writes back every saved previous value; does nothing when nothing was raised. */
    public static void restore(OpenSearchOps client, OperationContext context) {
        ClusterSettingsUpdate.Builder update = ClusterSettingsUpdate.builder();
        boolean any = false;
        for (String key : KEYS) {
            Optional<SavedValue> saved = context.savedValue(SAVED_PREFIX + key);
            if (saved.isPresent()) {
                update.persistent(key, saved.get().value());
                any = true;
            }
        }
        if (any) {
            client.putClusterSettings(update.build());
        }
    }

    /** A transient value would hide a persistent raise; leave such a key alone. */
    private static boolean writable(ClusterSettings settings, String key) {
        return settings.effective(key).source() != SettingSource.TRANSIENT;
    }

    /** Parses an OpenSearch byte size such as {@code 40mb}, {@code 1gb}, {@code 512kb}, {@code 1000b}. */
    public static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        String[] units = {"pb", "tb", "gb", "mb", "kb", "b"};
        long[] factors = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10, 1L};
        for (int i = 0; i < units.length; i++) {
            if (s.endsWith(units[i])) {
                return (long) (Double.parseDouble(s.substring(0, s.length() - units[i].length()).trim()) * factors[i]);
            }
        }
        return Long.parseLong(s);
    }
}
