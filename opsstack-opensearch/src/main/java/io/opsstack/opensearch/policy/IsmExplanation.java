package io.opsstack.opensearch.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where ISM stands with one index ({@code GET _plugins/_ism/explain/<index>}). Times come from epoch
 * milliseconds, which do not fit an int.
 *
 * @param policyId the managing policy; null when the index is not managed
 * @param enabled whether the managed-index job runs; null when unmanaged
 * @param state current state (phase) name; null before initialisation
 * @param action current action name, e.g. {@code rollover}; null when none
 * @param step current step name, e.g. {@code attempt_rollover}; null when none
 * @param stepStatus e.g. {@code starting}, {@code condition_not_met}, {@code completed}, {@code failed}; null when none
 * @param failed whether the current action failed
 * @param consumedRetries retries the failed action has used
 * @param message {@code info.message}, ISM's own explanation; null when none
 * @param cause {@code info.cause} of a failure; null when none
 */
public record IsmExplanation(String index, String indexUuid, String policyId, Boolean enabled, String state,
                             Instant stateStartTime, String action, Instant actionStartTime, String step,
                             Instant stepStartTime, String stepStatus, boolean failed, int consumedRetries,
                             String message, String cause) implements Serializable {

    public IsmExplanation {
        Objects.requireNonNull(index, "index");
    }

    public boolean managed() {
        return policyId != null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("index_uuid", indexUuid);
        map.put("policy_id", policyId);
        map.put("enabled", enabled);
        map.put("state", state);
        map.put("state_start_time", text(stateStartTime));
        map.put("action", action);
        map.put("action_start_time", text(actionStartTime));
        map.put("step", step);
        map.put("step_start_time", text(stepStartTime));
        map.put("step_status", stepStatus);
        map.put("failed", failed);
        map.put("consumed_retries", consumedRetries);
        map.put("message", message);
        map.put("cause", cause);
        return map;
    }

    @Override
    public String toString() {
        if (!managed()) {
            return index + ": not managed by ISM";
        }
        return index + ": policy " + policyId + ", state " + state + ", action " + action + ", step " + step
                + (stepStatus == null ? "" : " (" + stepStatus + ")") + (failed ? ", FAILED: " + message : "");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
