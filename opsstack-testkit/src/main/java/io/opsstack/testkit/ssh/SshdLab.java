package io.opsstack.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.internal.process.LogTail;
import io.opsstack.testkit.internal.process.ProcessTrees;

/**
 * A real OpenSSH server ({@code /usr/sbin/sshd -D -e -f <cfg>}) on a free 127.0.0.1 port with a
 * throwaway ed25519 host key and a throwaway client key, logging in as the current OS user.
 * Several instances stand in for several hosts. Remote commands see {@code HOME} = the lab's work
 * directory, so the real user's shell start-up files do not run. {@link #close()} kills sshd and
 * every process it spawned and deletes the work directory.
 *
 * <pre>{@code
 * SshdLab host = SshdLab.start();
 * try { ... host.target() ... } finally { host.close(); }
 * }</pre>
 */
public final class SshdLab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshdLab.class);
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path workDir;
    private final int port;
    private final String user;
    private final Path hostKey;
    private final Path clientKey;
    private final Path knownHostsFile;
    private final Path authorizedKeysFile;
    private final Path logFile;
    private final Process process;

    private SshdLab(Builder builder) throws IOException {
        this.workDir = Files.createTempDirectory(baseDir(), "sshd-lab-");
        this.port = builder.port > 0 ? builder.port : FreePorts.loopback(1).get(0);
        this.user = System.getProperty("user.name");
        this.hostKey = workDir.resolve("host_ed25519");
        this.clientKey = workDir.resolve("client_ed25519");
        this.authorizedKeysFile = workDir.resolve("authorized_keys");
        this.knownHostsFile = workDir.resolve("known_hosts");
        this.logFile = workDir.resolve("sshd.log");
        try {
            SshKeys.generate(workDir, hostKey.getFileName().toString(), "ed25519");
            SshKeys.generate(workDir, clientKey.getFileName().toString(), "ed25519");
            Files.writeString(authorizedKeysFile, SshKeys.publicKeyLine(clientKey) + "\n", StandardCharsets.UTF_8);
            Files.writeString(knownHostsFile, "[127.0.0.1]:" + port + " " + hostKeyLine() + "\n", StandardCharsets.UTF_8);
            Path config = workDir.resolve("sshd_config");
            Files.writeString(config, config(builder), StandardCharsets.UTF_8);
            ensurePrivilegeSeparationDir();
            this.process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException | RuntimeException e) {
            deleteTree(workDir);
            throw e;
        }
        process.getOutputStream().close();
        try {
            awaitListening();
        } catch (IOException | RuntimeException e) {
            ProcessTrees.kill(process.toHandle());
            deleteTree(workDir);
            throw e;
        }
        LOG.info("sshd lab listening on 127.0.0.1:{} (pid {}, dir {})", port, process.pid(), workDir);
    }

    /** Starts an instance with default settings. */
    public static SshdLab start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code user@127.0.0.1:port}, the login this server accepts with {@link #clientKey()}. */
    public String target() {
        return user + "@127.0.0.1:" + port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** A known_hosts file holding this server's host key (for {@code [127.0.0.1]:port}). */
    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /** An unprotected ed25519 private key in OpenSSH format that the server accepts. */
    public Path clientKey() {
        return clientKey;
    }

    /** The server's host key line ({@code ssh-ed25519 AAAA...}) without host or comment. */
    public String hostKeyLine() {
        String[] parts = SshKeys.publicKeyLine(hostKey).split("\\s+");
        return parts[0] + " " + parts[1];
    }

    /** OpenSSH fingerprint ({@code SHA256:...}) of the host key. */
    public String hostKeyFingerprint() {
        return SshKeys.fingerprint(hostKey);
    }

    /** Lets a further public key log in (e.g. an RSA or passphrase-protected test key). */
    public void authorizeKey(Path publicKeyFile) {
        try {
            String line = Files.readString(publicKeyFile, StandardCharsets.UTF_8).trim() + "\n";
            Files.writeString(authorizedKeysFile, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot authorize " + publicKeyFile, e);
        }
    }

    /** A scratch directory owned by this instance, deleted on close. */
    public Path workDir() {
        return workDir;
    }

    public long pid() {
        return process.pid();
    }

    /** Kills sshd and its connection processes (with their commands), then deletes the work directory. */
    @Override
    public void close() {
        ProcessTrees.terminate(process.toHandle(), Duration.ofSeconds(5));
        deleteTree(workDir);
    }

    @Override
    public String toString() {
        return "SshdLab[" + target() + ", pid " + process.pid() + "]";
    }

    private String config(Builder builder) {
        // sshd keeps the first value of a keyword, so extra lines come first and take precedence
        List<String> lines = new ArrayList<>(builder.extraConfig);
        lines.addAll(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + workDir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeysFile,
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication " + (builder.passwordAuthentication ? "yes" : "no"),
                "KbdInteractiveAuthentication no",
                "PermitRootLogin " + (builder.passwordAuthentication ? "yes" : "prohibit-password"),
                "Subsystem sftp internal-sftp",
                "LogLevel INFO"));
        // HOME in the lab keeps the login user's shell start-up files (~/.bashrc) out of remote commands
        String environment = "SetEnv HOME=" + workDir;
        if (builder.pathPrefix != null) {
            environment += " PATH=" + builder.pathPrefix + ":" + DEFAULT_PATH;
        }
        lines.add(environment);
        return String.join("\n", lines) + "\n";
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + LogTail.of(logFile, 30, 4000));
            }
            if (Files.readString(logFile, StandardCharsets.UTF_8).contains("Server listening on") && accepts()) {
                return;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT
                + ":\n" + LogTail.of(logFile, 30, 4000));
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensurePrivilegeSeparationDir() throws IOException {
        if (!Files.isDirectory(PRIVILEGE_SEPARATION_DIR)) {
            Files.createDirectories(PRIVILEGE_SEPARATION_DIR,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    private static Path baseDir() throws IOException {
        String configured = System.getProperty("opsstack.lab.workDir");
        Path base = configured == null ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(configured);
        return Files.createDirectories(base);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete sshd lab directory {}: {}", root, e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for sshd", e);
        }
    }

    /** Settings of an {@link SshdLab}; defaults: free port, public-key login only. */
    public static final class Builder {
        private int port;
        private boolean passwordAuthentication;
        private Path pathPrefix;
        private final List<String> extraConfig = new ArrayList<>();

        private Builder() {
        }

        /** A fixed port, e.g. to restart a "host" with a new host key on the port of a closed one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder passwordAuthentication(boolean enabled) {
            this.passwordAuthentication = enabled;
            return this;
        }

        /** A directory put first on the PATH of remote commands (for scripted tools such as a fake systemctl). */
        public Builder pathPrefix(Path directory) {
            this.pathPrefix = directory;
            return this;
        }

        /** A further sshd_config line; it takes precedence over the lab's own setting of the same keyword. */
        public Builder extraConfig(String line) {
            this.extraConfig.add(line);
            return this;
        }

        public SshdLab start() {
            try {
                return new SshdLab(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start sshd lab", e);
            }
        }
    }
}
