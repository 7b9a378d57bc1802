package io.opsstack.api.lease;

import java.time.Instant;

/** One stored lease; {@code token} identifies the acquisition, so a taken-over lease is told apart. */
record LeaseState(String target, String holder, String operationId, String token, Instant expiresAt) {
}
