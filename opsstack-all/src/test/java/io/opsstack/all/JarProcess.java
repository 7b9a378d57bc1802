package io.opsstack.all;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a child process (the shaded jar, jshell, ...) with extra environment and returns its exit code and output. */
final class JarProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** What a finished child process left. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private JarProcess() {
    }

    /** The shaded jar built by this module ({@code opsstack.all.jar}, set by the build). */
    static Path jar() {
        Path jar = Paths.get(System.getProperty("opsstack.all.jar", "missing"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("run after `package`: no shaded jar at " + jar);
        }
        return jar;
    }

    static Path samplesDir() {
        return Paths.get(System.getProperty("opsstack.samples.dir", "../samples")).toAbsolutePath().normalize();
    }

    static Path javaBin(String tool) {
        return Paths.get(System.getProperty("java.home"), "bin", tool);
    }

    /** {@code java -jar <shaded jar> args...}. */
    static Result cli(Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBin("java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(command, env, workDir);
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir) {
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("OPSSTACK_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("timed out after " + TIMEOUT + ": " + command);
                }
            } finally {
                process.destroyForcibly();
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
