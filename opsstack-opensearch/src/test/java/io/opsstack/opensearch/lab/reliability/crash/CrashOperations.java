package io.opsstack.opensearch.lab.reliability.crash;

import java.time.Duration;

import io.opsstack.api.operation.Operation;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.TierMoveRequest;

/**
 * The operations of the crash tests, built the same way in the test JVM (plan, resume) and in the child
 * JVM that applies and is killed, so both hold the same definition of the plan's operation.
 */
final class CrashOperations {
    static final String DRAIN = "drain";
    static final String TIER_MOVE = "tier-move";
    static final String ROLLING_RESTART = "rolling-restart";
    static final String COLD_TIER = "cold";

    private CrashOperations() {
    }

    /**
     * {@code drain} of node {@code subject} (recoveries raised to 2 at 2mb/s, so a throttled drain is still
     * running when it is killed), {@code tier-move} of index {@code subject} to the cold tier, or
     * {@code rolling-restart} of node {@code subject} through {@code control}.
     */
    static Operation<Void> of(OpenSearchOps os, String operation, String subject, ServiceControl control) {
        return switch (operation) {
            case DRAIN -> os.drain(DrainRequest.builder(subject).recoveryLimits(RecoveryLimits.of(2, "2mb"))
                    .pollInterval(Duration.ofMillis(100)).waitTimeout(Duration.ofMinutes(3)).build());
            case TIER_MOVE -> os.tierMove(TierMoveRequest.builder().index(subject).tier(COLD_TIER)
                    .pollInterval(Duration.ofMillis(100)).waitTimeout(Duration.ofMinutes(3)).build());
            case ROLLING_RESTART -> os.rollingRestart(RollingRestartRequest.builder().node(subject)
                    .nodeTimeout(Duration.ofMinutes(3)).recoveryTimeout(Duration.ofMinutes(3)).build(), control);
            default -> throw new IllegalArgumentException("no crash scenario for " + operation);
        };
    }
}
