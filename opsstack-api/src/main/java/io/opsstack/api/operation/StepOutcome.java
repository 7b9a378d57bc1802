package io.opsstack.api.operation;

import io.opsstack.api.plan.ServerValidation;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one step ended.
 *
 * @param stepId the step id
 * @param status the outcome
 * @param duration how long it ran; zero when it did not run
 * @param errorType simple class name of the failure; null unless FAILED
 * @param message failure message, skip reason or blocking guard; null when there is nothing to say
 * @param validation the server-side validation (as planned, or as checked by a SERVER dry run)
 */
public record StepOutcome(String stepId, StepStatus status, Duration duration, String errorType, String message,
                          ServerValidation validation) implements Serializable {

    public StepOutcome {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(validation, "validation");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("step_id", stepId);
        map.put("status", status.name());
        map.put("duration", duration.toString());
        map.put("error_type", errorType);
        map.put("message", message);
        map.put("validation", validation.toMap());
        return map;
    }
}
