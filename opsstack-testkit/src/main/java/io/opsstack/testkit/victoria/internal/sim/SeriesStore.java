package io.opsstack.testkit.victoria.internal.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One simulated vmstorage's data: per tenant, series (sorted labels) with samples by timestamp. Thread-safe. */
final class SeriesStore {

    /** A series with its samples in a window. */
    record Found(SortedMap<String, String> labels, TreeMap<Long, Double> samples) {
    }

    private final Map<String, Map<String, Found>> tenants = new HashMap<>();
    private long rows;

    synchronized void add(String tenant, Map<String, String> labels, long timestamp, double value) {
        SortedMap<String, String> sorted = new TreeMap<>(labels);
        tenants.computeIfAbsent(tenant, key -> new HashMap<>())
                .computeIfAbsent(sorted.toString(), key -> new Found(sorted, new TreeMap<>()))
                .samples().put(timestamp, value);
        rows++;
    }

    /** Series matching any selector with samples in [start, end], samples restricted to the window. */
    synchronized List<Found> search(String tenant, List<Selector> selectors, long start, long end) {
        List<Found> out = new ArrayList<>();
        for (Found series : tenants.getOrDefault(tenant, Map.of()).values()) {
            if (matchesAny(selectors, series.labels())) {
                TreeMap<Long, Double> window = new TreeMap<>(series.samples().subMap(start, true, end, true));
                if (!window.isEmpty()) {
                    out.add(new Found(series.labels(), window));
                }
            }
        }
        return out;
    }

    synchronized int delete(String tenant, List<Selector> selectors) {
        int deleted = 0;
        Iterator<Found> it = tenants.getOrDefault(tenant, new HashMap<>()).values().iterator();
        while (it.hasNext()) {
            if (matchesAny(selectors, it.next().labels())) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    synchronized long rows() {
        return rows;
    }

    synchronized long seriesCount() {
        return tenants.values().stream().mapToLong(Map::size).sum();
    }

    private static boolean matchesAny(List<Selector> selectors, Map<String, String> labels) {
        for (Selector selector : selectors) {
            if (selector.matches(labels)) {
                return true;
            }
        }
        return false;
    }
}
