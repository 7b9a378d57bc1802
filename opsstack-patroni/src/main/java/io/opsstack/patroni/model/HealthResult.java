package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a health-check endpoint: healthy exactly when the status is 200.
 *
 * @param check the endpoint asked
 * @param member the REST endpoint that answered
 * @param statusCode 200 or 503
 * @param status the {@code /patroni} body, null for {@link HealthCheck#LIVENESS}/{@link HealthCheck#READINESS}
 *               or when the body was not JSON
 */
public record HealthResult(HealthCheck check, String member, int statusCode, MemberStatus status)
        implements Serializable {

    public HealthResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(member, "member");
    }

    public boolean healthy() {
        return statusCode == 200;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("check", check.name());
        map.put("member", member);
        map.put("status_code", statusCode);
        map.put("healthy", healthy());
        map.put("status", status == null ? null : status.toMap());
        return map;
    }
}
