package io.opsstack.testkit.opensearch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;

/**
 * Chooses the JDK that runs OpenSearch. OpenSearch 3.x needs Java 21+, while the SDK and its tests
 * run on Java 17, so a suitable JDK is looked for in order: the explicit choice, system property
 * {@value #PROPERTY}, environment variable {@value #ENVIRONMENT}, the running JVM if new enough, and
 * finally the newest suitable JDK under {@code /usr/lib/jvm}.
 */
public final class JdkSelector {

    public static final String PROPERTY = "opsstack.lab.javaHome";
    public static final String ENVIRONMENT = "OPSSTACK_LAB_JAVA_HOME";

    private final Path scanRoot;
    private final Path runningJavaHome;
    private final int runningFeature;

    JdkSelector(Path scanRoot, Path runningJavaHome, int runningFeature) {
        this.scanRoot = scanRoot;
        this.runningJavaHome = runningJavaHome;
        this.runningFeature = runningFeature;
    }

    /** Selector over this machine: {@code /usr/lib/jvm} and the running JVM. */
    public static JdkSelector system() {
        return new JdkSelector(Path.of("/usr/lib/jvm"), Path.of(System.getProperty("java.home")),
                Runtime.version().feature());
    }

    /** The Java feature version an OpenSearch version needs: 21 for 3.x and later, 11 before. */
    public static int requiredFeature(String opensearchVersion) {
        String major = opensearchVersion.split("\\.", 2)[0];
        try {
            return Integer.parseInt(major) >= 3 ? 21 : 11;
        } catch (NumberFormatException e) {
            throw new OpsValidationException("cannot read the major version of OpenSearch '" + opensearchVersion + "'");
        }
    }

    /** Selects the JDK home for the version; {@code explicit} may be null. */
    public Path select(Path explicit, String opensearchVersion) {
        int required = requiredFeature(opensearchVersion);
        if (explicit != null) {
            return checked(explicit, required, "the lab builder's javaHome");
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return checked(Path.of(property), required, "system property " + PROPERTY);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return checked(Path.of(environment), required, "environment variable " + ENVIRONMENT);
        }
        if (runningFeature >= required) {
            return runningJavaHome;
        }
        return scan(required).orElseThrow(() -> new OpsException("OpenSearch " + opensearchVersion + " needs Java "
                + required + "+; looked at the lab builder's javaHome, system property " + PROPERTY
                + ", environment variable " + ENVIRONMENT + ", the running JVM (" + runningJavaHome + ", Java "
                + runningFeature + ") and " + scanRoot + "/*; install a JDK " + required
                + "+ there or point " + PROPERTY + " at one"));
    }

    /** The feature version recorded in {@code <home>/release} ({@code JAVA_VERSION="17.0.15"} gives 17). */
    static OptionalInt featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return parseFeature(line.substring("JAVA_VERSION=".length()).replace("\"", "").trim());
                }
            }
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + release, e);
        }
    }

    private static OptionalInt parseFeature(String version) {
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Path checked(Path javaHome, int required, String source) {
        if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
            throw new OpsValidationException(source + " points to " + javaHome + ", which has no bin/java");
        }
        OptionalInt feature = featureVersion(javaHome);
        if (feature.isPresent() && feature.getAsInt() < required) {
            throw new OpsValidationException(source + " points to Java " + feature.getAsInt() + " at " + javaHome
                    + ", but this OpenSearch version needs Java " + required + "+");
        }
        return javaHome;
    }

    private Optional<Path> scan(int required) {
        if (!Files.isDirectory(scanRoot)) {
            return Optional.empty();
        }
        Set<Path> homes = new LinkedHashSet<>();
        try (Stream<Path> entries = Files.list(scanRoot)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isExecutable(entry.resolve("bin").resolve("java"))) {
                    homes.add(entry.toRealPath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + scanRoot, e);
        }
        List<Candidate> suitable = new ArrayList<>();
        for (Path home : homes) {
            OptionalInt feature = featureVersion(home);
            if (feature.isPresent() && feature.getAsInt() >= required) {
                suitable.add(new Candidate(home, feature.getAsInt()));
            }
        }
        return suitable.stream()
                .max(Comparator.comparingInt(Candidate::feature).thenComparing(Candidate::home))
                .map(Candidate::home);
    }

    private record Candidate(Path home, int feature) {
    }
}
