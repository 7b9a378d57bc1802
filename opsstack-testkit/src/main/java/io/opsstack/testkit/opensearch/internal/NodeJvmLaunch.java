package io.opsstack.testkit.opensearch.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.testkit.internal.process.ProcessTrees;
import io.opsstack.testkit.internal.process.ProcessUser;

/**
 * How a lab node's JVM is started: the command {@code bin/opensearch} ends with, without the short JVMs the
 * script starts first ({@code java -version} and the Java version check, twice each since the keystore check
 * runs the same set-up, the keystore password check itself, and the JVM options parser: six JVMs, 2–4 s on a
 * shared 2-core machine, paid by every restart). The lab knows its JDK and never protects a keystore with a
 * password, so only the JVM options parser is needed; it runs on the first launch, and its answer serves every
 * restart of the node on this distribution ({@code jvm.options} changes only with an upgrade, which makes a
 * new launch). The integ-test distributions the lab runs carry no BouncyCastle FIPS jar, so the script's FIPS
 * options never apply.
 */
final class NodeJvmLaunch {

    private static final String OPTIONS_PARSER = "org.opensearch.tools.launchers.JvmOptionsParser";
    private static final String NODE_MAIN = "org.opensearch.bootstrap.OpenSearch";
    private static final Duration PARSER_TIMEOUT = Duration.ofMinutes(1);
    /** Variables of the calling environment that would change how the node's JVMs start. */
    private static final List<String> SCRUBBED_VARIABLES = List.of(
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME", "KEYSTORE_PASSWORD");

    private final String nodeName;
    private final NodeLayout layout;
    private final Path distributionHome;
    private final Path javaHome;
    private final String javaOptions;
    private final ProcessUser user;
    /** Everything before the node's own arguments, made on the first launch. */
    private List<String> commandPrefix;

    NodeJvmLaunch(String nodeName, NodeLayout layout, Path distributionHome, Path javaHome, String javaOptions,
                  ProcessUser user) {
        this.nodeName = nodeName;
        this.layout = layout;
        this.distributionHome = distributionHome;
        this.javaHome = javaHome;
        this.javaOptions = javaOptions;
        this.user = user;
    }

    String javaOptions() {
        return javaOptions;
    }

    /** The process that runs the node with {@code nodeArguments}, its output appended to the console log. */
    synchronized ProcessBuilder nodeProcess(List<String> nodeArguments) {
        if (commandPrefix == null) {
            commandPrefix = commandPrefix();
        }
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(nodeArguments);
        return processBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()));
    }

    private List<String> commandPrefix() {
        List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto"));
        command.addAll(parseJvmOptions());
        command.add("-Dopensearch.path.home=" + distributionHome.toAbsolutePath());
        command.add("-Dopensearch.path.conf=" + layout.config().toAbsolutePath());
        command.add("-Dopensearch.distribution.type=" + distributionVariable("OPENSEARCH_DISTRIBUTION_TYPE"));
        command.add("-Dopensearch.bundled_jdk=" + distributionVariable("OPENSEARCH_BUNDLED_JDK"));
        command.addAll(List.of("-cp", classpath(), NODE_MAIN));
        return List.copyOf(command);
    }

    /** The JVM options bin/opensearch would start the node with: its parser's one line, split at blanks. */
    private List<String> parseJvmOptions() {
        ProcessBuilder builder = processBuilder(List.of(java(), "-Xshare:auto", "-cp", classpath(), OPTIONS_PARSER,
                layout.config().toAbsolutePath().toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()));
        try {
            Process parser = builder.start();
            // one line of options fits the pipe's buffer, so the parser finishes before anything is read
            if (!parser.waitFor(PARSER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.kill(parser.toHandle());
                throw launchFailure("its JVM options parser did not finish within " + PARSER_TIMEOUT, null);
            }
            String output = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (parser.exitValue() != 0 || output.isEmpty()) {
                throw launchFailure("its JVM options parser exited with code " + parser.exitValue(), null);
            }
            return List.of(output.split("\\s+"));
        } catch (IOException e) {
            throw launchFailure("cannot run its JVM options parser: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("parsing the JVM options of lab node " + nodeName, e);
        }
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(user.wrap(command))
                .directory(distributionHome.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("OPENSEARCH_") || SCRUBBED_VARIABLES.contains(key));
        environment.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
        environment.put("OPENSEARCH_PATH_CONF", layout.config().toAbsolutePath().toString());
        environment.put("OPENSEARCH_TMPDIR", layout.tmp().toAbsolutePath().toString());
        environment.put("OPENSEARCH_JAVA_OPTS", javaOptions);
        return builder;
    }

    /** A value the distribution's build wrote into {@code bin/opensearch-env}, such as its distribution type. */
    private String distributionVariable(String name) {
        Path script = distributionHome.resolve("bin").resolve("opensearch-env");
        try {
            Matcher matcher = Pattern.compile("(?m)^" + name + "=(\\S+)$")
                    .matcher(Files.readString(script, StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw launchFailure(script + " sets no " + name, null);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    private String java() {
        return javaHome.resolve("bin").resolve("java").toString();
    }

    private String classpath() {
        return distributionHome.resolve("lib").toAbsolutePath() + "/*";
    }

    private OpsException launchFailure(String reason, Throwable cause) {
        return new OpsException("cannot launch lab node " + nodeName + ": " + reason + "\n"
                + NodeProcess.consoleTail(layout), cause, nodeName, null, null);
    }
}
