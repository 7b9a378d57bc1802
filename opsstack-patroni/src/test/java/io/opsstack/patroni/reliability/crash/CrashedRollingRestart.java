package io.opsstack.patroni.reliability.crash;

import io.opsstack.api.operation.Operation;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.ops.RollingRestartRequest;

/** The rolling restart of the crash test, built alike in the test JVM and in the applying child JVM. */
final class CrashedRollingRestart {
    private CrashedRollingRestart() {
    }

    /** Every member, replicas first, then a switchover and the former primary. */
    static Operation<ClusterStatus> of(PatroniOps ops) {
        return ops.rollingRestart(RollingRestartRequest.builder().force(true).build());
    }
}
