package io.opsstack.testkit.jvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitFailedException;
import io.opsstack.api.error.WaitTimeoutException;

/**
 * A JVM started by a test that runs a main class with the test JVM's classpath. Standard output and
 * error are merged and kept line by line (and logged), so a test can wait for a progress line the
 * child prints and then {@link #kill9() kill it with SIGKILL}, as a crash of the machine or an
 * {@code kill -9} by an operator would end it: no shutdown hook, no finally block runs.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder().mainClass(Applier.class).args("plan.json").start()) {
 *     child.awaitOutputLine(Pattern.compile("STARTED await-drained"), Duration.ofMinutes(2));
 *     child.kill9();
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int TAIL_LINES = 40;
    private static final Duration EXIT_AFTER_OUTPUT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean outputEnded;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::readOutput, "child-jvm-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The operating-system process id, e.g. for a lease holder name to compare with. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the child printed a line containing a match of {@code pattern} and returns that line
     * (also when it was printed before this call).
     *
     * @throws WaitFailedException if the child's output ended first (it exited), with the output's tail
     * @throws WaitTimeoutException if no such line came within {@code timeout}, with the output's tail
     */
    public synchronized String awaitOutputLine(Pattern pattern, Duration timeout) {
        Objects.requireNonNull(pattern, "pattern");
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (pattern.matcher(lines.get(seen)).find()) {
                    return lines.get(seen);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            if (outputEnded) {
                throw new WaitFailedException("child JVM " + name + " ended (exit code " + exitCodeText()
                        + ") without printing a line matching " + pattern + "; output tail:\n" + tail(),
                        null, name, 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new WaitTimeoutException("child JVM " + name + " printed no line matching " + pattern
                        + " within " + timeout + "; output tail:\n" + tail(), null, name, 1, elapsed);
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpsCancelledException.interrupted("waiting for output of child JVM " + name, e);
            }
        }
    }

    /** Writes one line to the child's standard input, e.g. a go signal it waits for. */
    public void sendLine(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to child JVM " + name, e);
        }
    }

    /**
     * Kills the child with SIGKILL (and any process it started) and waits until it is gone; a no-op
     * when it has already ended.
     */
    public void kill9() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        LOG.info("[child-jvm] {} (pid {}) killed with SIGKILL", name, process.pid());
    }

    /**
     * Waits until the child has ended and its output has been read, and returns its exit code (137 after
     * {@link #kill9()}).
     *
     * @throws WaitTimeoutException if it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new WaitTimeoutException("child JVM " + name + " still runs after " + timeout
                        + "; output tail:\n" + tail(), null, name, 1, timeout);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsCancelledException.interrupted("waiting for child JVM " + name + " to end", e);
        }
    }

    /** Every line printed so far (standard output and error merged). */
    public synchronized List<String> output() {
        return List.copyOf(lines);
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
    }

    @Override
    public String toString() {
        return "ChildJvm[" + name + ", pid " + process.pid() + (process.isAlive() ? ", running" : ", ended") + "]";
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                LOG.info("[child-jvm {}] {}", name, line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            LOG.debug("[child-jvm] output of {} ended: {}", name, e.toString());
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }

    private synchronized String tail() {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** The exit code once the process ended; its output closes a moment before the exit is reported. */
    private String exitCodeText() {
        try {
            return process.waitFor(EXIT_AFTER_OUTPUT.toMillis(), TimeUnit.MILLISECONDS)
                    ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Configures and starts a {@link ChildJvm}. */
    public static final class Builder {
        private String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String maxHeap = "256m";
        private Path workingDirectory;

        private Builder() {
        }

        /** The class whose {@code main(String[])} the child runs; it must be on the test's classpath. */
        public Builder mainClass(Class<?> mainClass) {
            return mainClass(mainClass.getName());
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
            return this;
        }

        public Builder args(String... args) {
            return args(List.of(args));
        }

        public Builder args(List<String> args) {
            this.args.addAll(args);
            return this;
        }

        /** A {@code -D} system property of the child. */
        public Builder systemProperty(String key, String value) {
            systemProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** An environment variable of the child, e.g. a password that must not appear on its command line. */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** An extra JVM option such as {@code -Xss1m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** The child's {@code -Xmx}; default {@code 256m}. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** The child's working directory; default the test JVM's. */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** Launches the child with the test JVM's {@code java} and classpath. */
        public ChildJvm start() {
            if (mainClass == null) {
                throw new OpsValidationException("a child JVM needs a main class");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + maxHeap);
            command.addAll(jvmOptions);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            try {
                Process process = builder.start();
                String name = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + process.pid();
                LOG.info("[child-jvm] started {} {}", name, args);
                return new ChildJvm(name, process);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a child JVM for " + mainClass, e);
            }
        }
    }
}
