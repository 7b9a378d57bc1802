package io.opsstack.testkit.opensearch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Result of {@link WriteReadProbe#verify()}: per index, how many acknowledged documents the probe wrote and
 * how many of them the cluster still has.
 *
 * @param acknowledged  acknowledged document count per index
 * @param present       how many of those ids the cluster returned after a refresh
 * @param missingSample up to 20 missing ids per index that has any
 */
public record ProbeVerification(Map<String, Long> acknowledged, Map<String, Long> present,
                                Map<String, List<String>> missingSample) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ProbeVerification {
        acknowledged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(acknowledged, "acknowledged")));
        present = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(present, "present")));
        Map<String, List<String>> samples = new LinkedHashMap<>();
        Objects.requireNonNull(missingSample, "missingSample").forEach((index, ids) -> samples.put(index, List.copyOf(ids)));
        missingSample = java.util.Collections.unmodifiableMap(samples);
    }

    /** True when every acknowledged document is present. */
    public boolean complete() {
        return acknowledged.equals(present);
    }

    /** Throws {@link IllegalStateException} describing the missing documents unless {@link #complete()}. */
    public ProbeVerification requireComplete() {
        if (!complete()) {
            throw new IllegalStateException("acknowledged documents missing: acknowledged=" + acknowledged
                    + ", present=" + present + ", missing (sample)=" + missingSample);
        }
        return this;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("acknowledged", new LinkedHashMap<>(acknowledged));
        map.put("present", new LinkedHashMap<>(present));
        Map<String, Object> missing = new LinkedHashMap<>();
        missingSample.forEach((index, ids) -> missing.put(index, new ArrayList<>(ids)));
        map.put("missing_sample", missing);
        map.put("complete", complete());
        return map;
    }
}
