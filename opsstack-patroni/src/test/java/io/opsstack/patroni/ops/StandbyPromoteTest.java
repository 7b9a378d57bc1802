package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.testkit.patroni.PatroniLab;

/** A second lab as a standby cluster of the shared one: typed view, refused and forced promotion, re-attachment. */
class StandbyPromoteTest {

    @TempDir
    Path journal;

    @Test
    void promotionIsRefusedWhileActiveIsWritableForcedPromotionMakesAPrimaryAndItCanBeAttachedBack() throws Exception {
        PatroniLab activeLab = OpsLab.lab();
        activeLab.ensureHealthy();
        try (PatroniOps active = OpsLab.ops();
             PatroniLab standbyLab = PatroniLab.builder().scope("opsstack-standby").standbyOf(activeLab).build().start();
             PatroniOps standby = PatroniOps.builder().endpoints(standbyLab.restEndpoints())
                     .credentials(Credentials.basic(standbyLab.restUser().orElseThrow(), standbyLab.restPassword().orElseThrow()))
                     .build()) {
            StandbyClusterStatus status = standby.standbyStatus(active);
            assertNotNull(status.standbyLeader(), status.toMap().toString());
            assertTrue(status.activeWritable(), status.toMap().toString());
            assertNotNull(status.replayedLsn());
            assertFalse(status.source().isEmpty(), "standby_cluster section shown");

            Operation<ClusterStatus> guarded = standby.promoteStandbyCluster(StandbyPromoteRequest.guarded(), active);
            Plan plan = guarded.plan();
            System.out.println(plan.render());
            assertTrue(plan.render().contains(status.replayedLsn().substring(0, 1)), plan.render());
            GuardCheck writable = plan.steps().get(0).guards().stream()
                    .filter(guard -> guard.name().equals("active-cluster-not-writable")).findFirst().orElseThrow();
            assertFalse(writable.passed(), plan.render());
            UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                    () -> guarded.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));
            assertEquals("active-cluster-not-writable", refused.guard());
            assertEquals(ClusterRole.STANDBY_LEADER, standby.cluster().leader().orElseThrow().role(), "nothing changed");

            Operation<ClusterStatus> forced = standby.promoteStandbyCluster(StandbyPromoteRequest.forced(), active);
            OperationResult<ClusterStatus> promoted = forced.apply(forced.plan(),
                    ApplyOptions.builder().journalDirectory(journal).build());
            ClusterView view = ClusterView.of(promoted.value());
            assertTrue(view.isConverged(status.standbyLeader()), view.toString());
            assertEquals(ClusterRole.LEADER, view.leader().orElseThrow().role());
            assertEquals(MemberRole.PRIMARY, standby.member(status.standbyLeader()).status().role());

            // the promoted cluster diverged; attach it back to the active one as a standby
            ClusterMember activeLeader = active.cluster().leader().orElseThrow();
            Operation<ClusterStatus> attach = standby.attachAsStandby(
                    StandbyAttachRequest.of(activeLeader.host(), activeLeader.port()));
            OperationResult<ClusterStatus> attached = attach.apply(attach.plan(),
                    ApplyOptions.builder().journalDirectory(journal).build());
            assertEquals(ClusterRole.STANDBY_LEADER, attached.value().leader().orElseThrow().role());
            assertTrue(ClusterView.of(attached.value()).isConverged(), attached.value().toString());
            assertFalse(standby.standbyStatus(active).source().isEmpty());
        }
    }
}
