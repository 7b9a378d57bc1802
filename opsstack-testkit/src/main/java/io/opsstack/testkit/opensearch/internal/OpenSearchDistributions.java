package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.internal.process.ShortCommands;

/**
 * Finds the official minimal OpenSearch distribution
 * ({@code org.opensearch.distribution.integ-test-zip:opensearch:<version>:zip}) in the local Maven
 * repository, fetching it with {@code mvn dependency:get} if absent, and extracts it once per
 * version into a shared cache.
 */
public final class OpenSearchDistributions {

    /** System property naming the local Maven repository (checked before {@code maven.repo.local}). */
    public static final String REPOSITORY_PROPERTY = "opsstack.maven.localRepository";
    /** System property overriding the extraction cache directory. */
    public static final String CACHE_PROPERTY = "opsstack.lab.cacheDir";

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchDistributions.class);
    private static final String DISTRIBUTION_GROUP = "org.opensearch.distribution.integ-test-zip";
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);

    private OpenSearchDistributions() {
    }

    /** The extracted distribution home ({@code bin/opensearch} inside) for the version. */
    public static Path home(String version) {
        Path home = cacheDirectory().resolve("opensearch-" + version);
        if (!ZipExtraction.isComplete(home)) {
            prepareOnce("opensearch-" + version, () -> {
                if (!ZipExtraction.isComplete(home)) {
                    Path zip = zip(version);
                    LOG.info("[lab] extracting {} into {}", zip, home);
                    ZipExtraction.extract(zip, "opensearch-" + version, home);
                }
            });
        }
        return home;
    }

    /**
     * A distribution of the version with the plugin {@code org.opensearch.plugin:<plugin>:<version>.0:zip}
     * installed by {@code bin/opensearch-plugin install --batch} (run on {@code javaHome}), cached
     * next to the plain distribution.
     */
    public static Path homeWithPlugin(String version, String plugin, Path javaHome) {
        Path home = cacheDirectory().resolve("opensearch-" + version + "-" + plugin);
        // the installer moves the plugin into plugins/ only once it is complete
        Path descriptor = home.resolve("plugins").resolve(plugin).resolve("plugin-descriptor.properties");
        if (!Files.isRegularFile(descriptor)) {
            prepareOnce("opensearch-" + version + "-" + plugin, () -> {
                if (!ZipExtraction.isComplete(home)) {
                    ZipExtraction.extract(zip(version), "opensearch-" + version, home);
                }
                if (!Files.isRegularFile(descriptor)) {
                    installPlugin(home, pluginZip(plugin, version), javaHome);
                }
            });
        }
        return home;
    }

    /** The zip of an OpenSearch plugin built for the version ({@code <version>.0}), fetched with {@code mvn} when missing. */
    public static Path pluginZip(String plugin, String version) {
        return inLocalRepository("org.opensearch.plugin", plugin, version + ".0");
    }

    /** The distribution zip in the local Maven repository, fetched with {@code mvn} when missing. */
    public static Path zip(String version) {
        return inLocalRepository(DISTRIBUTION_GROUP, "opensearch", version);
    }

    /** Where the zip of a version lives inside a Maven repository. */
    static Path zipIn(Path repository, String version) {
        return zipIn(repository, DISTRIBUTION_GROUP, "opensearch", version);
    }

    private static Path zipIn(Path repository, String groupId, String artifactId, String version) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".zip");
    }

    private static Path inLocalRepository(String groupId, String artifactId, String version) {
        Path repository = localRepository();
        Path zip = zipIn(repository, groupId, artifactId, version);
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        fetch(groupId + ":" + artifactId + ":" + version + ":zip", zip, repository);
        if (!Files.isRegularFile(zip)) {
            throw new OpsException("mvn dependency:get finished but " + zip + " is still missing");
        }
        return zip;
    }

    /** {@value #REPOSITORY_PROPERTY}, else {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty(REPOSITORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("maven.repo.local");
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
        return Path.of(configured);
    }

    static Path cacheDirectory() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "opsstack-lab", "dist");
    }

    private static void fetch(String artifact, Path expected, Path repository) {
        Path mvn = ShortCommands.findExecutable("mvn");
        if (mvn == null) {
            throw new OpsException(artifact + " is not in the local Maven repository (" + expected
                    + ") and mvn is not on PATH to fetch it; run "
                    + "'mvn dependency:get -Dartifact=" + artifact + "' or set -D" + REPOSITORY_PROPERTY);
        }
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-q", "-B", "dependency:get",
                "-Dartifact=" + artifact, "-Dtransitive=false"));
        command.add("-Dmaven.repo.local=" + repository);
        LOG.info("[lab] fetching {} with mvn dependency:get", artifact);
        ShortCommands.Outcome outcome = ShortCommands.run(command, FETCH_TIMEOUT);
        if (!outcome.succeeded()) {
            throw new OpsException("mvn dependency:get -Dartifact=" + artifact + " failed with exit code "
                    + outcome.exitCode() + ":\n" + outcome.output());
        }
    }

    private static void installPlugin(Path home, Path pluginZip, Path javaHome) {
        List<String> command = List.of(home.resolve("bin").resolve("opensearch-plugin").toString(), "install",
                "--batch", pluginZip.toUri().toString());
        LOG.info("[lab] installing {} into {}", pluginZip.getFileName(), home);
        ShortCommands.Outcome outcome = ShortCommands.run(command, Map.of("OPENSEARCH_JAVA_HOME", javaHome.toString(),
                "OPENSEARCH_PATH_CONF", home.resolve("config").toString()), FETCH_TIMEOUT);
        if (!outcome.succeeded()) {
            throw new OpsException("installing " + pluginZip + " into " + home + " failed with exit code "
                    + outcome.exitCode() + ":\n" + outcome.output());
        }
    }

    /** Runs {@code preparation} holding a file lock, because another JVM (a parallel build) may prepare the same directory. */
    private static void prepareOnce(String name, Preparation preparation) {
        Path cache = cacheDirectory();
        try {
            Files.createDirectories(cache);
            try (FileChannel lockFile = FileChannel.open(cache.resolve("." + name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    preparation.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + name + " in " + cache, e);
        }
    }

    /** A step that prepares a cached directory. */
    private interface Preparation {
        void run() throws IOException;
    }
}
