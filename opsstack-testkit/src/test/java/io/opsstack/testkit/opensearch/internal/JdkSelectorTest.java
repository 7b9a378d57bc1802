package io.opsstack.testkit.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;

class JdkSelectorTest {

    @TempDir
    Path jvms;

    @Test
    void olderLinesRunOnTheTestJvmWhenItIsRecentEnough() throws IOException {
        Path running = fakeJdk("running-17", "17.0.15");
        fakeJdk("temurin-25", "25.0.3");

        assertEquals(running, new JdkSelector(jvms, running, 17).select(null, "2.19.4"));
    }

    @Test
    void threeXScansForTheNewestJdkOfAtLeast21() throws IOException {
        Path running = fakeJdk("java-17", "17.0.15");
        fakeJdk("java-21", "21.0.2");
        Path newest = fakeJdk("temurin-25", "25.0.3");
        Files.createSymbolicLink(jvms.resolve("alias-25"), newest);

        assertEquals(newest.toRealPath(), new JdkSelector(jvms, running, 17).select(null, "3.4.0"));
    }

    @Test
    void failsNamingTheVersionAndThePlacesLookedAt() throws IOException {
        Path running = fakeJdk("java-17", "17.0.15");

        OpsException failure = assertThrows(OpsException.class,
                () -> new JdkSelector(jvms, running, 17).select(null, "3.4.0"));

        assertTrue(failure.getMessage().contains("Java 21+"), failure.getMessage());
        assertTrue(failure.getMessage().contains(jvms.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains(JdkSelector.PROPERTY), failure.getMessage());
    }

    @Test
    void explicitJdkMustBeRecentEnough() throws IOException {
        Path old = fakeJdk("java-17", "17.0.15");

        assertThrows(OpsValidationException.class, () -> new JdkSelector(jvms, old, 17).select(old, "3.4.0"));
        assertEquals(old, new JdkSelector(jvms, old, 17).select(old, "2.19.4"));
    }

    @Test
    void readsLegacyAndModernVersionStrings() throws IOException {
        assertEquals(OptionalInt.of(8), JdkSelector.featureVersion(fakeJdk("java-8", "1.8.0_352")));
        assertEquals(OptionalInt.of(21), JdkSelector.featureVersion(fakeJdk("java-21", "21")));
        assertEquals(21, JdkSelector.requiredFeature("3.0.0"));
        assertEquals(11, JdkSelector.requiredFeature("2.19.4"));
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin").resolve("java"));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
