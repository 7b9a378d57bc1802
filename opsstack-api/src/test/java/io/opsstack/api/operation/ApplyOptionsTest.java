package io.opsstack.api.operation;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.lease.InMemoryLeaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreBoundedAndSequential() {
        ApplyOptions defaults = ApplyOptions.defaults();

        assertEquals(DryRun.NONE, defaults.dryRun());
        assertEquals(Duration.ofHours(1), defaults.timeout());
        assertEquals(1, defaults.maxParallel());
        assertEquals(FailurePolicy.STOP, defaults.onFailure());
        assertEquals(Duration.ofMinutes(2), defaults.leaseTtl());
        assertEquals(500, defaults.maxRecordedEvents());
        assertSame(InMemoryLeaseStore.shared(), defaults.leaseStore());
        assertNull(defaults.owner());
        assertNull(defaults.operationId());
        assertEquals(FileJournal.defaultDirectory(), ((FileJournal) defaults.journal()).directory());
    }

    @Test
    void fromMapReadsScriptValues() {
        ApplyOptions options = ApplyOptions.fromMap(Map.of("dryRun", true, "timeout", "PT30M", "leaseTtl", 90,
                "maxParallel", "3", "onFailure", "continue", "journalDir", dir.resolve("j").toString(),
                "leaseDir", dir.resolve("l").toString(), "owner", "jenkins-42", "operationId", "drain-7",
                "maxRecordedEvents", 50));

        assertEquals(DryRun.CLIENT, options.dryRun());
        assertEquals(Duration.ofMinutes(30), options.timeout());
        assertEquals(Duration.ofSeconds(90), options.leaseTtl());
        assertEquals(3, options.maxParallel());
        assertEquals(FailurePolicy.CONTINUE, options.onFailure());
        assertEquals(dir.resolve("j"), ((FileJournal) options.journal()).directory());
        assertInstanceOf(FileLeaseStore.class, options.leaseStore());
        assertEquals("jenkins-42", options.owner());
        assertEquals("drain-7", options.operationId());
        assertEquals(50, options.maxRecordedEvents());
        assertEquals(options.toString(), options.toBuilder().build().toString());
    }

    @Test
    void badValuesAreRefusedClearly() {
        OpsValidationException unknown = assertThrows(OpsValidationException.class,
                () -> ApplyOptions.fromMap(Map.of("dryrun", "CLIENT")));
        assertTrue(unknown.getMessage().contains("'dryrun'"), unknown.getMessage());
        assertThrows(OpsValidationException.class, () -> ApplyOptions.fromMap(Map.of("dryRun", "MAYBE")));
        assertThrows(OpsValidationException.class, () -> ApplyOptions.fromMap(Map.of("timeout", "soon")));
        assertThrows(OpsValidationException.class, () -> ApplyOptions.builder().maxParallel(0).build());
        assertThrows(OpsValidationException.class, () -> ApplyOptions.builder().timeout(Duration.ZERO).build());
    }
}
