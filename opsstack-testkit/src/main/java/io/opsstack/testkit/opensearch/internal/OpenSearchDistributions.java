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
    private static final String GROUP_PATH = "org/opensearch/distribution/integ-test-zip/opensearch";
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);

    private OpenSearchDistributions() {
    }

    /** The extracted distribution home ({@code bin/opensearch} inside) for the version. */
    public static Path home(String version) {
        Path cache = cacheDirectory();
        Path home = cache.resolve("opensearch-" + version);
        if (ZipExtraction.isComplete(home)) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            // another JVM (a parallel build) may be extracting the same version
            try (FileChannel lockFile = FileChannel.open(cache.resolve(".opensearch-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    if (!ZipExtraction.isComplete(home)) {
                        Path zip = zip(version);
                        LOG.info("[lab] extracting {} into {}", zip, home);
                        ZipExtraction.extract(zip, "opensearch-" + version, home);
                    }
                } finally {
                    lock.release();
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare OpenSearch " + version + " in " + cache, e);
        }
    }

    /** The distribution zip in the local Maven repository, fetched with {@code mvn} when missing. */
    public static Path zip(String version) {
        Path repository = localRepository();
        Path zip = zipIn(repository, version);
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        fetch(version, repository);
        if (!Files.isRegularFile(zip)) {
            throw new OpsException("mvn dependency:get finished but " + zip + " is still missing");
        }
        return zip;
    }

    /** Where the zip of a version lives inside a Maven repository. */
    static Path zipIn(Path repository, String version) {
        return repository.resolve(GROUP_PATH).resolve(version).resolve("opensearch-" + version + ".zip");
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

    private static void fetch(String version, Path repository) {
        String artifact = "org.opensearch.distribution.integ-test-zip:opensearch:" + version + ":zip";
        Path mvn = ShortCommands.findExecutable("mvn");
        if (mvn == null) {
            throw new OpsException("OpenSearch " + version + " is not in the local Maven repository ("
                    + zipIn(repository, version) + ") and mvn is not on PATH to fetch it; run "
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
}
