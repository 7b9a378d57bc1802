package io.opsstack.api.plan;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Outcome of a server-side validation of a step. Steps the server cannot check stay
 * {@link ValidationStatus#NOT_VALIDATED}; they are never reported as validated.
 *
 * @param status the validation status
 * @param reason what the server said, or why no validation was made
 */
public record ServerValidation(ValidationStatus status, String reason) implements Serializable {

    public ServerValidation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** The default of every planned step: nothing was asked of the server. */
    public static ServerValidation notValidated(String reason) {
        return new ServerValidation(ValidationStatus.NOT_VALIDATED, reason);
    }

    public static ServerValidation validated(String reason) {
        return new ServerValidation(ValidationStatus.VALIDATED, reason);
    }

    public static ServerValidation rejected(String reason) {
        return new ServerValidation(ValidationStatus.REJECTED, reason);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status.name());
        map.put("reason", reason);
        return map;
    }
}
