package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The success answer of a mutating call: Patroni's plain-text message, e.g.
 * {@code Successfully switched over to "pg2"}, {@code restarted successfully},
 * {@code reload scheduled}.
 *
 * @param statusCode 200, or 202 when the action was scheduled or queued
 * @param message the server's text
 * @param member the REST endpoint that answered
 */
public record ActionResult(int statusCode, String message, String member) implements Serializable {

    public ActionResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(member, "member");
    }

    /** True for 202: scheduled ({@code scheduled_at}/{@code schedule}) or queued for the next HA loop (reload). */
    public boolean scheduled() {
        return statusCode == 202;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status_code", statusCode);
        map.put("message", message);
        map.put("member", member);
        return map;
    }
}
