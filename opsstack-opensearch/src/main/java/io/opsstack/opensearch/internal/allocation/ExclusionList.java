package io.opsstack.opensearch.internal.allocation;

import io.opsstack.api.error.OpsException;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits {@code cluster.routing.allocation.exclude._name} by read-verify-write: the list has no
 * compare-and-set, so the current value is read, empty tokens are dropped (a list that became
 * {@code ","} must not survive, opensearch-k8s-operator#1173), other entries are kept, the result is
 * written persistently and read back. A transient value would hide the persistent one, so it is
 * rewritten with the same list when one exists.
 */
public final class ExclusionList {
    public static final String KEY = "cluster.routing.allocation.exclude._name";

    private final OpenSearchOps client;

    public ExclusionList(OpenSearchOps client) {
        this.client = client;
    }

    /** The effective entries (empty tokens dropped). */
    public List<String> entries() {
        return entries(client.clusterSettings(false));
    }

    public static List<String> entries(ClusterSettings settings) {
        return settings.exclude("_name").value();
    }

    /** The effective raw value; null when unset. */
    public static String raw(ClusterSettings settings) {
        return settings.exclude("_name").raw();
    }

    /** The list with {@code node} added (other entries kept, empty tokens dropped), as written. */
    public static String withNode(ClusterSettings settings, String node) {
        List<String> after = new ArrayList<>(entries(settings));
        if (!after.contains(node)) {
            after.add(node);
        }
        return String.join(",", after);
    }

    /** The list without {@code node}; null (unset) when nothing else remains. */
    public static String withoutNode(ClusterSettings settings, String node) {
        List<String> after = new ArrayList<>(entries(settings));
        after.remove(node);
        return after.isEmpty() ? null : String.join(",", after);
    }

    public void add(String node) {
        ClusterSettings settings = client.clusterSettings(false);
        write(settings, withNode(settings, node));
        List<String> readBack = entries();
        if (!readBack.contains(node) || !readBack.containsAll(entries(settings))) {
            throw new OpsException("the exclusion list read back as " + readBack + " after adding " + node
                    + " to " + entries(settings));
        }
    }

    public void remove(String node) {
        ClusterSettings settings = client.clusterSettings(false);
        if (!entries(settings).contains(node) && cleanRaw(settings)) {
            return;
        }
        write(settings, withoutNode(settings, node));
        List<String> expected = new ArrayList<>(entries(settings));
        expected.remove(node);
        List<String> readBack = entries();
        if (!readBack.equals(expected)) {
            throw new OpsException("the exclusion list read back as " + readBack + " after removing " + node
                    + ", expected " + expected);
        }
    }

    private void write(ClusterSettings settings, String value) {
        ClusterSettingsUpdate.Builder update = ClusterSettingsUpdate.builder().persistent(KEY, value);
        if (settings.transientSettings().containsKey(KEY)) {
            update.transientSetting(KEY, value);
        }
        client.putClusterSettings(update.build());
    }

    private static boolean cleanRaw(ClusterSettings settings) {
        String raw = raw(settings);
        return raw == null || raw.equals(String.join(",", entries(settings)));
    }
}
