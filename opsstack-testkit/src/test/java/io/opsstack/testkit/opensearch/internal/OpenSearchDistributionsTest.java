package io.opsstack.testkit.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenSearchDistributionsTest {

    private final String savedRepository = System.getProperty(OpenSearchDistributions.REPOSITORY_PROPERTY);
    private final String savedMavenRepository = System.getProperty("maven.repo.local");

    @AfterEach
    void restore() {
        restore(OpenSearchDistributions.REPOSITORY_PROPERTY, savedRepository);
        restore("maven.repo.local", savedMavenRepository);
    }

    @Test
    void ownPropertyWinsOverMavensThenTheDefault() {
        System.setProperty(OpenSearchDistributions.REPOSITORY_PROPERTY, "/repo/own");
        System.setProperty("maven.repo.local", "/repo/maven");
        assertEquals(Path.of("/repo/own"), OpenSearchDistributions.localRepository());

        System.clearProperty(OpenSearchDistributions.REPOSITORY_PROPERTY);
        assertEquals(Path.of("/repo/maven"), OpenSearchDistributions.localRepository());

        System.clearProperty("maven.repo.local");
        assertEquals(Path.of(System.getProperty("user.home"), ".m2", "repository"),
                OpenSearchDistributions.localRepository());
    }

    @Test
    void zipLivesAtTheMavenCoordinatesPath() {
        assertEquals(Path.of("/r/org/opensearch/distribution/integ-test-zip/opensearch/3.4.0/opensearch-3.4.0.zip"),
                OpenSearchDistributions.zipIn(Path.of("/r"), "3.4.0"));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
