package io.opsstack.opensearch.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ISM policy as stored in the cluster, with the sequence number and primary term an update must
 * quote ({@code if_seq_no}, {@code if_primary_term}) so it cannot overwrite a concurrent change.
 *
 * @param policy the policy object ({@code policy_id}, {@code default_state}, {@code states}, …) as JDK types
 * @param lastUpdated {@code last_updated_time} (epoch milliseconds in the API); null when absent
 */
public record IsmPolicyRecord(String policyId, long version, long seqNo, long primaryTerm, Instant lastUpdated,
                              Map<String, Object> policy) implements Serializable {

    public IsmPolicyRecord {
        Objects.requireNonNull(policyId, "policyId");
        policy = Collections.unmodifiableMap(new LinkedHashMap<>(policy));
    }

    /** The state an index starts in. */
    public String defaultState() {
        Object state = policy.get("default_state");
        return state == null ? null : String.valueOf(state);
    }

    /** The names of the policy's states, in order. */
    public List<String> stateNames() {
        List<String> names = new ArrayList<>();
        if (policy.get("states") instanceof List<?> states) {
            for (Object state : states) {
                if (state instanceof Map<?, ?> m && m.get("name") != null) {
                    names.add(String.valueOf(m.get("name")));
                }
            }
        }
        return names;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy_id", policyId);
        map.put("version", version);
        map.put("seq_no", seqNo);
        map.put("primary_term", primaryTerm);
        map.put("last_updated", lastUpdated == null ? null : lastUpdated.toString());
        map.put("policy", policy);
        return map;
    }
}
