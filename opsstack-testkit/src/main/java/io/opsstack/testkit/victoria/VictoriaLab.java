package io.opsstack.testkit.victoria;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Secret;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.FileTrees;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.victoria.internal.LabNodeProcess;
import io.opsstack.testkit.victoria.internal.LabNodes;

/**
 * Real VictoriaMetrics 1.79 processes from the Debian {@code victoria-metrics} package for
 * integration tests: one or more single-node servers, a vmauth in front of them (round-robin over
 * every server) and a vmagent remote-writing through vmauth (or straight to the first server without
 * vmauth), each on a free port of 127.0.0.1. Several servers stand in for vmstorage nodes behind a
 * balancer; they are named {@link #SERVER}, {@code victoria-metrics-2}, {@code victoria-metrics-3}, ...
 *
 * <pre>{@code
 * try (VictoriaLab lab = VictoriaLab.builder().build().start()) {
 *     String server = lab.serverUrl();        // insert, select and storage endpoints
 *     lab.stop(VictoriaLab.SERVER);            // vmagent starts buffering
 *     lab.start(VictoriaLab.SERVER);
 * }
 * }</pre>
 *
 * <p>Files live under {@code <workDirectory>/victoria-<name>/<node>/}: the server's
 * {@code -storageDataPath}, vmagent's {@code -remoteWrite.tmpDataPath}, vmauth's {@code auth.yml},
 * console logs and pid files. {@link #start()} ends processes a killed earlier run left there and
 * begins from an empty directory; {@link #close()} stops everything (SIGTERM, then SIGKILL of the
 * process tree) and a JVM shutdown hook kills what a test forgot. The work directory defaults to the
 * system property {@value #WORK_DIR_PROPERTY}, else {@code target/lab}.
 *
 * <p>The server runs with {@code -search.latencyOffset=1s} and {@code -search.disableCache} so
 * freshly written samples are queryable at once; vmagent with {@code -remoteWrite.queues=1} and a
 * 100 ms flush so that a stopped backend shows up as pending bytes quickly.
 *
 * <p>Thread-safe.
 */
public final class VictoriaLab implements AutoCloseable {
    /** System property with the default work directory. */
    public static final String WORK_DIR_PROPERTY = "opsstack.lab.workDir";
    /** Node name of the single-node server. */
    public static final String SERVER = "victoria-metrics";
    public static final String VMAGENT = "vmagent";
    public static final String VMAUTH = "vmauth";
    /** The vmauth user vmagent authenticates as. */
    public static final String VMAUTH_USER = "lab";

    private static final Logger LOG = LoggerFactory.getLogger(VictoriaLab.class);
    private static final Path BIN = Path.of("/usr/bin");
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private enum State { NEW, STARTED, CLOSED }

    private final String name;
    private final Path labDirectory;
    private final boolean withVmAgent;
    private final boolean withVmAuth;
    private final List<String> serverNames;
    private final Duration startTimeout;
    private final Secret vmauthPassword = Secret.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
    private LabNodes nodes;
    private final Map<String, Integer> serverPorts = new LinkedHashMap<>();
    private int vmagentPort;
    private int vmauthPort;
    private State state = State.NEW;

    private VictoriaLab(Builder b) {
        this.name = b.name;
        this.labDirectory = b.workDirectory.toAbsolutePath().normalize().resolve("victoria-" + b.name);
        this.withVmAgent = b.vmagent;
        this.withVmAuth = b.vmauth;
        List<String> names = new ArrayList<>(List.of(SERVER));
        for (int i = 2; i <= b.servers; i++) {
            names.add(SERVER + "-" + i);
        }
        this.serverNames = List.copyOf(names);
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the servers, then vmauth, then vmagent, each once its {@code /health} answers. Idempotent. */
    public synchronized VictoriaLab start() {
        if (state == State.STARTED) {
            return this;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("lab " + name + " was closed; build a new one");
        }
        requireInstalled();
        long begin = System.nanoTime();
        prepareDirectory();
        List<Integer> ports = FreePorts.loopback(2 + serverNames.size());
        vmauthPort = ports.get(0);
        vmagentPort = ports.get(1);
        nodes = new LabNodes(name, labDirectory, startTimeout);
        for (int i = 0; i < serverNames.size(); i++) {
            String server = serverNames.get(i);
            serverPorts.put(server, ports.get(2 + i));
            nodes.add(new LabNodeProcess(server, directory(server), ports.get(2 + i), serverCommand(server)));
        }
        if (withVmAuth) {
            routeVmAuthTo(serverNames.stream().map(this::url).toList());
            nodes.add(new LabNodeProcess(VMAUTH, directory(VMAUTH), vmauthPort, vmauthCommand()));
        }
        if (withVmAgent) {
            nodes.add(new LabNodeProcess(VMAGENT, directory(VMAGENT), vmagentPort, vmagentCommand()));
        }
        state = State.STARTED;
        try {
            for (String node : nodes.names()) {
                nodes.launchAndAwait(node, startTimeout);
            }
        } catch (RuntimeException e) {
            String logs = nodes.logTails();
            close();
            throw new OpsException(e.getMessage() + "\n" + logs, e, name, null, null);
        }
        LOG.info("[lab] VictoriaMetrics lab {} ({}) up in {} ms in {}", name, nodes.names(),
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), labDirectory);
        return this;
    }

    /** {@code http://127.0.0.1:<port>} of the (first) single-node server, {@link #SERVER}. */
    public String serverUrl() {
        return serverUrl(SERVER);
    }

    /** {@code http://127.0.0.1:<port>} of a single-node server by name. */
    public String serverUrl(String server) {
        requireStarted();
        if (!serverPorts.containsKey(server)) {
            throw new OpsValidationException("no server '" + server + "' in lab " + name + "; servers: " + serverNames);
        }
        return url(server);
    }

    /** The single-node servers' names: {@link #SERVER}, {@code victoria-metrics-2}, ... */
    public List<String> serverNames() {
        return serverNames;
    }

    /** {@code http://127.0.0.1:<port>} of vmagent (pushes go to its {@code /api/v1/import/...}). */
    public String vmagentUrl() {
        requireStarted();
        require(withVmAgent, VMAGENT);
        return "http://127.0.0.1:" + vmagentPort;
    }

    public String vmauthUrl() {
        requireStarted();
        require(withVmAuth, VMAUTH);
        return "http://127.0.0.1:" + vmauthPort;
    }

    /** The password of {@link #VMAUTH_USER}; vmauth 1.79 refuses requests without credentials. */
    public Secret vmauthPassword() {
        return vmauthPassword;
    }

    /** The first server's {@code -storageDataPath}. */
    public Path serverDataDirectory() {
        return serverDataDirectory(SERVER);
    }

    /** A server's {@code -storageDataPath}. */
    public Path serverDataDirectory(String server) {
        return directory(server).resolve("data");
    }

    /** The vmauth routing file. */
    public Path vmauthConfigFile() {
        return directory(VMAUTH).resolve("auth.yml");
    }

    /**
     * Rewrites vmauth's routing file so that {@link #VMAUTH_USER} is sent round-robin to the given
     * backend URLs; vmauth reads it on {@code /-/reload} or SIGHUP.
     */
    public synchronized void routeVmAuthTo(List<String> backendUrls) {
        if (backendUrls.isEmpty()) {
            throw new OpsValidationException("vmauth needs at least one backend URL");
        }
        StringBuilder yaml = new StringBuilder("users:\n- username: \"").append(VMAUTH_USER).append("\"\n  password: \"")
                .append(vmauthPassword.reveal()).append("\"\n  url_prefix:\n");
        for (String url : backendUrls) {
            yaml.append("  - \"").append(Objects.requireNonNull(url, "backend URL")).append("\"\n");
        }
        writePrivate(vmauthConfigFile(), yaml.toString());
    }

    /** Node names: the servers and, when enabled, {@link #VMAUTH} and {@link #VMAGENT}. */
    public List<String> nodeNames() {
        requireStarted();
        return nodes.names();
    }

    /** Stops a node (SIGTERM, SIGKILL after 15 s). */
    public void stop(String node) {
        requireStarted();
        nodes.stop(node, STOP_GRACE);
    }

    /** Kills a node with SIGKILL (a crash). */
    public void kill(String node) {
        requireStarted();
        nodes.kill(node);
    }

    /** Starts a stopped node on its existing data and waits for its {@code /health}. */
    public void start(String node) {
        requireStarted();
        nodes.start(node, startTimeout);
    }

    public ServiceState state(String node) {
        requireStarted();
        return nodes.state(node);
    }

    /** {@link ServiceControl} over the lab's nodes; {@code start} waits for {@code /health}. */
    public ServiceControl serviceControl() {
        requireStarted();
        return nodes;
    }

    /** Pids of running nodes. */
    public Set<Long> pids() {
        requireStarted();
        return nodes.pids();
    }

    /** Live processes whose command line names this lab's directory (none after {@link #close()}). */
    public List<ProcessHandle> leftoverProcesses() {
        return LabNodes.leftovers(labDirectory);
    }

    public Path directory() {
        return labDirectory;
    }

    /** Stops every node (vmagent, vmauth, servers). Idempotent. */
    @Override
    public synchronized void close() {
        if (nodes != null) {
            nodes.stopAll(STOP_GRACE);
        }
        state = State.CLOSED;
    }

    @Override
    public String toString() {
        return "VictoriaLab[" + name + ", " + state + (nodes == null ? "" : ", " + nodes.names()) + "]";
    }

    private String url(String server) {
        return "http://127.0.0.1:" + serverPorts.get(server);
    }

    private List<String> serverCommand(String server) {
        return List.of(BIN.resolve("victoria-metrics").toString(),
                "-httpListenAddr=127.0.0.1:" + serverPorts.get(server),
                "-storageDataPath=" + serverDataDirectory(server),
                "-retentionPeriod=100y",
                "-search.latencyOffset=1s",
                "-search.disableCache",
                "-loggerLevel=WARN");
    }

    private List<String> vmauthCommand() {
        return List.of(BIN.resolve("vmauth").toString(),
                "-httpListenAddr=127.0.0.1:" + vmauthPort,
                "-auth.config=" + vmauthConfigFile(),
                "-loggerLevel=WARN");
    }

    private List<String> vmagentCommand() {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("vmagent").toString(),
                "-httpListenAddr=127.0.0.1:" + vmagentPort,
                "-remoteWrite.tmpDataPath=" + directory(VMAGENT).resolve("queue"),
                "-remoteWrite.flushInterval=100ms",
                "-remoteWrite.queues=1",
                "-loggerLevel=WARN"));
        if (withVmAuth) {
            Path passwordFile = directory(VMAGENT).resolve("vmauth.password");
            writePrivate(passwordFile, vmauthPassword.reveal());
            command.add("-remoteWrite.url=http://127.0.0.1:" + vmauthPort + "/api/v1/write");
            command.add("-remoteWrite.basicAuth.username=" + VMAUTH_USER);
            command.add("-remoteWrite.basicAuth.passwordFile=" + passwordFile);
        } else {
            command.add("-remoteWrite.url=" + url(SERVER) + "/api/v1/write");
        }
        return command;
    }

    private void prepareDirectory() {
        try {
            if (Files.isDirectory(labDirectory)) {
                List<Path> pidFiles = new ArrayList<>();
                for (String node : allNodeNames()) {
                    pidFiles.add(directory(node).resolve(node + ".pid"));
                }
                List<Long> ended = LabNodes.endStale(labDirectory, pidFiles);
                if (!ended.isEmpty()) {
                    LOG.warn("[lab] ended processes {} left in {} by an earlier run", ended, labDirectory);
                }
                FileTrees.delete(labDirectory);
            }
            for (String node : allNodeNames()) {
                Files.createDirectories(directory(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + labDirectory, e);
        }
    }

    private List<String> allNodeNames() {
        List<String> all = new ArrayList<>(serverNames);
        all.addAll(List.of(VMAUTH, VMAGENT));
        return all;
    }

    private Path directory(String node) {
        return labDirectory.resolve(node);
    }

    private static void writePrivate(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void requireInstalled() {
        for (String binary : List.of("victoria-metrics", "vmagent", "vmauth")) {
            if (!Files.isExecutable(BIN.resolve(binary))) {
                throw new OpsException("VictoriaMetrics binary " + BIN.resolve(binary) + " is missing; install the Debian "
                        + "package victoria-metrics (apt-get install victoria-metrics)");
            }
        }
    }

    private synchronized void requireStarted() {
        if (state != State.STARTED) {
            throw new IllegalStateException("lab " + name + " is " + state + "; call start() first");
        }
    }

    private static void require(boolean enabled, String node) {
        if (!enabled) {
            throw new IllegalStateException("this lab was built without " + node);
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String name = "victoria";
        private Path workDirectory = Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/lab"));
        private boolean vmagent = true;
        private boolean vmauth = true;
        private int servers = 1;
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Names the lab directory {@code victoria-<name>}; labs running at once need different names. */
        public Builder name(String name) {
            if (name == null || !name.matches("[a-z][a-z0-9-]{0,30}")) {
                throw new OpsValidationException("lab name must match [a-z][a-z0-9-]{0,30}, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** Whether to run vmagent (default true). */
        public Builder vmagent(boolean vmagent) {
            this.vmagent = vmagent;
            return this;
        }

        /** Whether to run vmauth in front of the server (default true); without it vmagent writes to the server. */
        public Builder vmauth(boolean vmauth) {
            this.vmauth = vmauth;
            return this;
        }

        /** How many single-node servers to run (default 1, at most 9); vmauth balances over all of them. */
        public Builder servers(int servers) {
            if (servers < 1 || servers > 9) {
                throw new OpsValidationException("a lab runs 1 to 9 servers, not " + servers);
            }
            this.servers = servers;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        public VictoriaLab build() {
            return new VictoriaLab(this);
        }
    }
}
