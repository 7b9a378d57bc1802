package io.opsstack.opensearch.lab.restart;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.testkit.service.ForwardingServiceControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delegates to a real service control and records chosen persistent cluster settings as each node is stopped. */
final class SettingsAtStop extends ForwardingServiceControl {
    private final OpenSearchOps client;
    private final List<String> keys;
    private final List<Map<String, String>> seen = new ArrayList<>();

    SettingsAtStop(ServiceControl delegate, OpenSearchOps client, List<String> keys) {
        super(delegate);
        this.client = client;
        this.keys = List.copyOf(keys);
    }

    /** One map per stop, in order: key → persistent value (absent when unset). */
    synchronized List<Map<String, String>> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void stop(String node, Duration timeout) {
        Map<String, String> persistent = client.clusterSettings(false).persistent();
        Map<String, String> values = new HashMap<>();
        keys.stream().filter(persistent::containsKey).forEach(key -> values.put(key, persistent.get(key)));
        synchronized (this) {
            seen.add(values);
        }
        super.stop(node, timeout);
    }
}
