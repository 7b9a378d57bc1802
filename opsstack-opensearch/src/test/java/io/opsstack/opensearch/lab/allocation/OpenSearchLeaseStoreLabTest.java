package io.opsstack.opensearch.lab.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.lease.Lease;
import io.opsstack.opensearch.OpenSearchLeaseStore;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.IndexSettings;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.fault.FaultSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lease stored in the cluster: create-only acquisition, conditional renew and takeover, release. */
class OpenSearchLeaseStoreLabTest {

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void oneHolderAtATimeAndExpiredLeasesAreTakenOverConditionally(String version) throws InterruptedException {
        String target = LabSupport.uniqueIndex("opensearch/lease-test");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            OpenSearchLeaseStore store = os.leaseStore();
            Lease first = store.acquire(target, "owner-a", "op-1", Duration.ofMinutes(1));
            IndexSettings settings = os.indexSettings(OpenSearchLeaseStore.DEFAULT_INDEX);
            assertEquals("1", settings.get("index.number_of_shards"));
            assertEquals("0-all", settings.get("index.auto_expand_replicas"));

            LeaseHeldException held = assertThrows(LeaseHeldException.class,
                    () -> store.acquire(target, "owner-b", "op-2", Duration.ofMinutes(1)));
            assertEquals("owner-a", held.holder());
            assertEquals("op-1", held.holderOperationId());
            first.renew();
            first.release();

            Lease expiring = store.acquire(target, "owner-a", "op-1", Duration.ofMillis(1));
            Thread.sleep(50);
            Lease second = store.acquire(target, "owner-b", "op-2", Duration.ofMinutes(1));
            assertEquals("owner-b", second.holder());
            LeaseHeldException lost = assertThrows(LeaseHeldException.class, expiring::renew);
            assertEquals("owner-b", lost.holder());
            expiring.release();
            assertEquals("owner-b", assertThrows(LeaseHeldException.class,
                    () -> store.acquire(target, "owner-c", "op-3", Duration.ofMinutes(1))).holder(),
                    "releasing a lost lease must not delete the new holder's");

            second.release();
            store.acquire(target, "owner-c", "op-3", Duration.ofMinutes(1)).release();
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                os.deleteIndex(OpenSearchLeaseStore.DEFAULT_INDEX);
            }
        }
    }

    /** A lease write that reached the cluster while its answer was lost leaves the lease renewable and releasable. */
    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void writesWhoseAnswerWasLostAreRecognisedAsTheLeasesOwn(String version) {
        String target = LabSupport.uniqueIndex("opensearch/lease-lost-answer");
        String documents = "/" + OpenSearchLeaseStore.DEFAULT_INDEX + "/_doc/";
        try (FaultProxy proxy = FaultProxy.forward(LabSupport.lab(version).httpEndpoint());
             OpenSearchOps os = OpenSearchOps.builder().endpoints(proxy.uri().toString()).build()) {
            OpenSearchLeaseStore store = os.leaseStore();
            Lease lease = store.acquire(target, "owner-a", "op-1", Duration.ofMinutes(1));

            proxy.failNext(1, FaultSpec.resetAfterForward().matching("PUT", documents));
            assertThrows(OpsException.class, lease::renew);
            assertEquals(1, proxy.forwardedCount("PUT", documents + URLEncoder.encode(target, StandardCharsets.UTF_8)),
                    "the renewal reached the cluster once");
            Instant before = lease.expiresAt();
            lease.renew();
            assertTrue(lease.expiresAt().isAfter(before), lease.expiresAt() + " after " + before);
            assertEquals("owner-a", assertThrows(LeaseHeldException.class,
                    () -> store.acquire(target, "owner-b", "op-2", Duration.ofMinutes(1))).holder());

            proxy.failNext(1, FaultSpec.resetAfterForward().matching("PUT", documents));
            assertThrows(OpsException.class, lease::renew);
            lease.release();
            store.acquire(target, "owner-b", "op-2", Duration.ofMinutes(1)).release();
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                os.deleteIndex(OpenSearchLeaseStore.DEFAULT_INDEX);
            }
        }
    }
}
