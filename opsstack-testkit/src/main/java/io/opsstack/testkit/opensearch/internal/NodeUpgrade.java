package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.opsstack.api.error.OpsException;

/**
 * Moves a stopped lab node to another OpenSearch distribution, as an operator upgrading a package would:
 * the data directory and {@code opensearch.yml} stay, the distribution's other config files ({@code jvm.options},
 * {@code log4j2.properties}, …) come from the new version, and the JDK is one the new version accepts.
 */
public final class NodeUpgrade {

    private NodeUpgrade() {
    }

    /** The node's process on {@code version}; {@code javaHomeChoice} may be null (see {@link JdkSelector}). */
    public static NodeProcess to(NodeProcess stopped, String version, Path javaHomeChoice) {
        if (stopped.isAlive()) {
            throw new OpsException("lab node " + stopped.name() + " must be stopped before it moves to OpenSearch "
                    + version, null, stopped.name(), null, null);
        }
        Path distributionHome = OpenSearchDistributions.home(version);
        Path javaHome = JdkSelector.system().select(javaHomeChoice, version);
        NodeLayout layout = stopped.layout();
        Path settingsFile = layout.config().resolve("opensearch.yml");
        try {
            String settings = Files.readString(settingsFile, StandardCharsets.UTF_8);
            NodeConfigWriter.write(distributionHome, layout, Map.of());
            Files.writeString(settingsFile, settings, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the configuration of " + layout.directory() + " to "
                    + version, e);
        }
        stopped.user().takeOwnership(layout.config());
        return stopped.onDistribution(distributionHome, javaHome);
    }
}
