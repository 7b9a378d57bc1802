package io.opsstack.patroni;

import java.util.Locale;

/**
 * What a Patroni refusal means, from its status and message (the message decides among the 503s).
 */
public enum PatroniErrorKind {
    /** 400/422: malformed body, bad filter or schedule, not allowed while paused. */
    BAD_REQUEST,
    /** 404: nothing scheduled to delete, or an unknown path. */
    NOT_FOUND,
    /** 409: a DCS compare-and-set conflict or an action already scheduled. */
    CONFLICT,
    /** 411: the request had no Content-Length. */
    LENGTH_REQUIRED,
    /** 412: the switchover/failover cannot happen (leader name does not match, no such or no good candidate). */
    PRECONDITION_FAILED,
    /** 503 {@code … failed}: the leader refused (e.g. candidate lag) or the action failed. */
    OPERATION_FAILED,
    /** 503 {@code … status unknown}: Patroni stopped waiting; the switchover may still complete. */
    STATUS_UNKNOWN,
    /** 503 {@code restart conditions are not satisfied}: a restart filter did not match; nothing restarted. */
    RESTART_CONDITIONS_NOT_MET,
    /** Other 503: busy (restart in progress, leader cannot reinitialize, DCS write failed, key absent). */
    UNAVAILABLE,
    /** 500/502 and anything else. */
    SERVER_ERROR;

    /** Classifies a Patroni error answer. */
    public static PatroniErrorKind of(int statusCode, String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return switch (statusCode) {
            case 400, 422 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 411 -> LENGTH_REQUIRED;
            case 412 -> PRECONDITION_FAILED;
            case 503 -> {
                if (text.contains("status unknown")) {
                    yield STATUS_UNKNOWN;
                }
                if (text.contains("restart conditions are not satisfied")) {
                    yield RESTART_CONDITIONS_NOT_MET;
                }
                yield text.endsWith("failed") ? OPERATION_FAILED : UNAVAILABLE;
            }
            default -> SERVER_ERROR;
        };
    }
}
