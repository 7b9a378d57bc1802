package io.opsstack.testkit.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.ProcessServiceControl;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.internal.process.ProcessUser;
import io.opsstack.testkit.opensearch.internal.ClusterDirectory;
import io.opsstack.testkit.opensearch.internal.ClusterProbe;
import io.opsstack.testkit.opensearch.internal.JdkSelector;
import io.opsstack.testkit.opensearch.internal.NodeConfigWriter;
import io.opsstack.testkit.opensearch.internal.NodeLayout;
import io.opsstack.testkit.opensearch.internal.NodeProcess;
import io.opsstack.testkit.opensearch.internal.NodeSettings;
import io.opsstack.testkit.opensearch.internal.NodeUpgrade;
import io.opsstack.testkit.opensearch.internal.UpgradingProcesses;
import io.opsstack.testkit.opensearch.internal.OpenSearchDistributions;
import io.opsstack.testkit.opensearch.internal.OptionValues;
import io.opsstack.testkit.opensearch.security.LabSecurity;

/**
 * A real OpenSearch cluster of local processes for integration tests: the official minimal
 * distribution, one process per node, bound to 127.0.0.1 on free ports.
 *
 * <pre>{@code
 * try (OpenSearchLab lab = OpenSearchLab.builder().version("3.4.0").topology(LabTopology.hotWarmCold()).build().start()) {
 *     URI endpoint = lab.httpEndpoint();            // point the code under test here
 *     lab.stop("opensearch-warm-1");                // returns once the cluster saw it leave
 *     lab.start("opensearch-warm-1");               // same data directory: a restart, not a new node
 * }
 * }</pre>
 *
 * <p>Files live under {@code <workDirectory>/<clusterName>/<node>/} ({@code config}, {@code data},
 * {@code logs/console.log}); {@link #start()} begins from an empty cluster directory and ends
 * processes a killed earlier run left there. When the JVM runs as root, nodes run as the system
 * user {@value ProcessUser#DEFAULT_SYSTEM_USER} (created on first use), because OpenSearch refuses
 * root. A JVM shutdown hook kills nodes of labs that were never closed.
 *
 * <p>Thread-safe: node control calls are serialized.
 */
public final class OpenSearchLab implements AutoCloseable, ProcessServiceControl.Processes {

    /** Version used when the builder is given none. */
    public static final String DEFAULT_VERSION = "2.19.4";
    /** System property with the default work directory (the lab creates {@code <dir>/<cluster>}). */
    public static final String WORK_DIR_PROPERTY = "opsstack.lab.workDir";

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchLab.class);
    private static final String SECURITY_PLUGIN = "opensearch-security";
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+(-[A-Za-z0-9.]+)?");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /**
     * C1-only JIT: on two shared cores the C2 compiler threads compete with three booting nodes.
     * Measured for a 3-node lab: CPU time down by 45 %, start about twice as fast (2.19.4 and 3.4.0);
     * disabling heap pre-touch or bytecode verification gained too little to keep.
     */
    private static final List<String> FAST_START_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private enum State { NEW, STARTED, CLOSED }

    private final String version;
    private final String clusterName;
    private final LabTopology topology;
    private final Path workDirectory;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Map<String, String> clusterSettings;
    private final Path pathRepo;
    private final Path javaHomeChoice;
    private final List<String> jvmOptions;
    private final String systemUser;
    /** The security plugin setup, or null for a plain-HTTP lab without authentication. */
    private final LabSecurity security;

    private final ClusterProbe probe;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    /** Versions of nodes moved off {@link #version} by {@link #upgradeNode} or an {@link #upgradeControl}. */
    private final Map<String, String> upgradedVersions = new LinkedHashMap<>();
    private State state = State.NEW;
    private Path clusterDirectory;
    /** {@link #pathRepo} resolved against the cluster directory. */
    private Path resolvedPathRepo;
    private Path javaHome;
    private Duration startupTime = Duration.ZERO;

    private OpenSearchLab(Builder builder) {
        this.version = builder.version;
        this.clusterName = builder.clusterName;
        this.topology = builder.topology;
        this.workDirectory = builder.workDirectory.toAbsolutePath().normalize();
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.clusterSettings = Map.copyOf(builder.clusterSettings);
        this.pathRepo = builder.pathRepo == null ? null : builder.pathRepo.normalize();
        this.javaHomeChoice = builder.javaHome;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.systemUser = builder.systemUser;
        this.security = builder.security;
        this.probe = security == null ? new ClusterProbe()
                : new ClusterProbe(security.sslContext(), security.adminAuthorization());
    }

    /** A builder with version {@value #DEFAULT_VERSION}, topology {@link LabTopology#hotWarmCold()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this lab's configuration, e.g. to start the same lab on another version. */
    public Builder toBuilder() {
        Builder builder = new Builder().version(version).clusterName(clusterName).topology(topology)
                .workDirectory(workDirectory).startTimeout(startTimeout).stopTimeout(stopTimeout)
                .clusterSettings(clusterSettings).systemUser(systemUser);
        builder.pathRepo = pathRepo;
        builder.javaHome = javaHomeChoice;
        builder.jvmOptions.addAll(jvmOptions);
        builder.security = security;
        return builder;
    }

    /**
     * Prepares the files, launches every node and returns once the cluster reports all of them
     * ({@code number_of_nodes} and {@code _cat/nodes}). On failure every node is stopped and the
     * exception carries the tail of the failing node's log. Calling it again is a no-op.
     */
    public synchronized OpenSearchLab start() {
        if (state == State.STARTED) {
            return this;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("lab " + clusterName + " was closed; build a new one");
        }
        long begin = System.nanoTime();
        Path distributionHome = OpenSearchDistributions.home(version);
        javaHome = JdkSelector.system().select(javaHomeChoice, version);
        if (security != null) {
            distributionHome = OpenSearchDistributions.homeWithPlugin(version, SECURITY_PLUGIN, javaHome);
        }
        ProcessUser user = ProcessUser.forLabProcesses(systemUser);
        clusterDirectory = ClusterDirectory.prepare(workDirectory.resolve(clusterName), user);
        createNodes(distributionHome, user);
        long launched = System.nanoTime();
        state = State.STARTED;
        try {
            nodes.values().forEach(NodeProcess::launch);
            awaitAllJoined();
        } catch (RuntimeException e) {
            killAll();
            state = State.CLOSED;
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - launched);
        LOG.info("[lab] {} of {} up in {} s (prepared in {} s; java {}, run as {}, in {})",
                nodes.size() == 1 ? "1 node" : nodes.size() + " nodes", version,
                seconds(startupTime), seconds(Duration.ofNanos(launched - begin)), javaHome, user, clusterDirectory);
        return this;
    }

    public String version() {
        return version;
    }

    public String clusterName() {
        return clusterName;
    }

    public LabTopology topology() {
        return topology;
    }

    /** The directory holding the node directories; known once {@link #start()} began. */
    public synchronized Path clusterDirectory() {
        requireStarted();
        return clusterDirectory;
    }

    /** The directory registered as {@code path.repo}, if any; known once {@link #start()} began. */
    public synchronized Optional<Path> pathRepo() {
        requireStarted();
        return Optional.ofNullable(resolvedPathRepo);
    }

    /** The JDK running the nodes. */
    public synchronized Path javaHome() {
        requireStarted();
        return javaHome;
    }

    /** Time from launching the processes until every node had joined. */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    /** The security plugin setup (CA, users, passwords) of a secured lab; empty for a plain-HTTP lab. */
    public Optional<LabSecurity> security() {
        return Optional.ofNullable(security);
    }

    /** A snapshot of the node. */
    public synchronized LabNode node(String name) {
        NodeProcess node = process(name);
        NodeLayout layout = node.layout();
        return new LabNode(name, node.httpUri(), node.transportPort(), node.pid(), node.isAlive(),
                layout.directory().toString(), layout.consoleLog().toString(), layout.serverLog().toString());
    }

    /** Snapshots of all nodes in topology order. */
    public synchronized List<LabNode> nodes() {
        requireStarted();
        List<LabNode> snapshots = new ArrayList<>();
        for (String name : nodes.keySet()) {
            snapshots.add(node(name));
        }
        return List.copyOf(snapshots);
    }

    /** HTTP endpoints of all nodes (running or not), in topology order. */
    public synchronized List<URI> httpEndpoints() {
        requireStarted();
        List<URI> endpoints = new ArrayList<>();
        nodes.values().forEach(node -> endpoints.add(node.httpUri()));
        return List.copyOf(endpoints);
    }

    /** The HTTP endpoint of the first running node. */
    public synchronized URI httpEndpoint() {
        requireStarted();
        return nodes.values().stream().filter(NodeProcess::isAlive).findFirst()
                .map(NodeProcess::httpUri)
                .orElseThrow(() -> new OpsException("no node of lab " + clusterName + " is running"));
    }

    /** Stops the node gracefully (SIGTERM, SIGKILL after the stop timeout) and waits until the cluster saw it leave. */
    public synchronized void stop(String name) {
        stopProcess(name);
        awaitLeft(name, stopTimeout);
    }

    /** Kills the node with SIGKILL (a crash) and waits until the cluster saw it leave. */
    public synchronized void kill(String name) {
        killProcess(name);
        awaitLeft(name, stopTimeout);
    }

    /** Starts a stopped node on its existing data directory and waits until it joined. */
    public synchronized void start(String name) {
        startProcess(name);
        awaitJoined(name, startTimeout);
    }

    /** {@link #stop(String)} then {@link #start(String)}. */
    public synchronized void restart(String name) {
        stop(name);
        start(name);
    }

    /** Stops the node's process (SIGTERM, SIGKILL after the stop timeout) without asking the cluster. */
    public synchronized void stopProcess(String name) {
        stopProcess(name, stopTimeout);
    }

    /** Kills the node's process tree with SIGKILL without asking the cluster. */
    public synchronized void killProcess(String name) {
        process(name).kill();
    }

    /** Launches the node's process (no-op if running) without waiting for it to join. */
    public synchronized void startProcess(String name) {
        requireStarted();
        process(name).launch();
    }

    /** Waits until the cluster lists the node in {@code _cat/nodes}; fails early if its process ends. */
    public synchronized void awaitJoined(String name, Duration timeout) {
        NodeProcess target = process(name);
        long begin = System.nanoTime();
        int attempts = 0;
        while (true) {
            attempts++;
            if (!target.isAlive()) {
                throw nodeFailure(target, "node " + name + " is not running (exit code " + target.exitCode() + ")");
            }
            if (reportedByCluster(name, true)) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            if (elapsed.compareTo(timeout) >= 0) {
                throw new WaitTimeoutException("node " + name + " did not join cluster " + clusterName + " within "
                        + timeout + "; log tail:\n" + target.logTail(), null, name, attempts, elapsed);
            }
            pause();
        }
    }

    /** Waits until no other running node lists the node any more (trivially true when none runs). */
    public synchronized void awaitLeft(String name, Duration timeout) {
        process(name);
        long begin = System.nanoTime();
        int attempts = 0;
        while (true) {
            attempts++;
            if (!reportedByCluster(name, false)) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            if (elapsed.compareTo(timeout) >= 0) {
                throw new WaitTimeoutException("cluster " + clusterName + " still lists node " + name + " after "
                        + timeout, null, name, attempts, elapsed);
            }
            pause();
        }
    }

    /** Starts every stopped node and waits until all joined; for shared labs a previous test may have left degraded. */
    public synchronized void ensureAllRunning() {
        requireStarted();
        List<String> started = new ArrayList<>();
        for (NodeProcess node : nodes.values()) {
            if (!node.isAlive()) {
                node.launch();
                started.add(node.name());
            }
        }
        for (String name : started) {
            awaitJoined(name, startTimeout);
        }
    }

    /** A {@link ServiceControl} over the node processes, for operations that stop and start nodes. */
    public ServiceControl serviceControl() {
        return new ProcessServiceControl(this);
    }

    /**
     * A {@link ServiceControl} for a rolling upgrade: {@code stop} ends the node's process, {@code start} moves
     * the node to {@code targetVersion} (see {@link #upgradeProcess}) and launches it.
     */
    public ServiceControl upgradeControl(String targetVersion) {
        if (targetVersion == null || !VERSION.matcher(targetVersion).matches()) {
            throw new OpsValidationException("invalid OpenSearch version '" + targetVersion + "'");
        }
        return new ProcessServiceControl(new UpgradingProcesses(this, targetVersion));
    }

    /**
     * Stops the node, moves it to {@code targetVersion} with its data and settings (the distribution's other
     * config files and a suitable JDK come with the version) and waits until it rejoined.
     */
    public synchronized void upgradeNode(String name, String targetVersion) {
        stop(name);
        upgradeProcess(name, targetVersion);
        awaitJoined(name, startTimeout);
    }

    /**
     * Moves a node whose process is stopped to {@code targetVersion} (no-op if it runs it already) and launches
     * it without waiting for it to join.
     */
    public synchronized void upgradeProcess(String name, String targetVersion) {
        NodeProcess node = process(name);
        if (!targetVersion.equals(nodeVersion(name))) {
            nodes.put(name, NodeUpgrade.to(node, targetVersion, javaHomeChoice));
            upgradedVersions.put(name, targetVersion);
            LOG.info("[lab] node {} moved to OpenSearch {}", name, targetVersion);
        }
        startProcess(name);
    }

    /** The OpenSearch version the node runs (or will run on its next start). */
    public synchronized String nodeVersion(String name) {
        process(name);
        return upgradedVersions.getOrDefault(name, version);
    }

    /** Whether this machine has a JDK for the OpenSearch version (3.x needs Java 21+), see {@link JdkSelector}. */
    public static boolean hasJavaFor(String opensearchVersion) {
        try {
            JdkSelector.system().select(null, opensearchVersion);
            return true;
        } catch (OpsException e) {
            return false;
        }
    }

    /** Stops every node (SIGTERM, SIGKILL after the stop timeout, whole process trees); idempotent. Files stay for inspection. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        Map<NodeProcess, List<ProcessHandle>> stopping = new LinkedHashMap<>();
        for (NodeProcess node : nodes.values()) {
            stopping.put(node, node.requestStop());
        }
        stopping.forEach((node, tree) -> node.awaitStopped(tree, stopTimeout));
        LOG.info("[lab] {} ({}) closed", clusterName, version);
    }

    @Override
    public String toString() {
        return "OpenSearchLab[" + clusterName + ", " + version + ", " + topology.name() + ", " + state + "]";
    }

    /** Ends the node's process tree: SIGTERM, then SIGKILL once {@code grace} has passed; does not wait for the cluster. */
    @Override
    public synchronized void stopProcess(String name, Duration grace) {
        process(name).stop(grace);
    }

    /** Whether the node's process runs ({@code ACTIVE}), was stopped ({@code INACTIVE}) or died on its own ({@code FAILED}). */
    @Override
    public synchronized ServiceState state(String name) {
        NodeProcess node = process(name);
        if (node.isAlive()) {
            return ServiceState.ACTIVE;
        }
        return node.exitedUnexpectedly() ? ServiceState.FAILED : ServiceState.INACTIVE;
    }

    private void createNodes(Path distributionHome, ProcessUser user) {
        List<LabNodeSpec> specs = topology.nodes();
        List<Integer> ports = FreePorts.loopback(2 * specs.size());
        List<String> seedHosts = new ArrayList<>();
        List<String> initialManagers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            seedHosts.add("127.0.0.1:" + ports.get(2 * i + 1));
            if (specs.get(i).isClusterManagerEligible()) {
                initialManagers.add(specs.get(i).name());
            }
        }
        resolvedPathRepo = pathRepo == null ? null : clusterDirectory.resolve(pathRepo).toAbsolutePath().normalize();
        if (resolvedPathRepo != null) {
            createDirectories(resolvedPathRepo);
            user.takeOwnership(resolvedPathRepo);
        }
        nodes.clear();
        for (int i = 0; i < specs.size(); i++) {
            LabNodeSpec spec = specs.get(i);
            int httpPort = ports.get(2 * i);
            int transportPort = ports.get(2 * i + 1);
            NodeLayout layout = new NodeLayout(clusterDirectory.resolve(spec.name()), clusterName);
            layout.create();
            NodeConfigWriter.write(distributionHome, layout, NodeSettings.of(clusterName, spec, layout, httpPort,
                    transportPort, seedHosts, initialManagers, resolvedPathRepo, clusterSettings));
            nodes.put(spec.name(), new NodeProcess(spec.name(), layout, httpPort, transportPort, distributionHome,
                    javaHome, javaOptions(spec), user));
            if (security != null) {
                security.writeNodeFiles(distributionHome, layout.config());
                nodes.get(spec.name()).serveHttps();
            }
        }
        user.takeOwnership(clusterDirectory);
    }

    private String javaOptions(LabNodeSpec spec) {
        List<String> options = new ArrayList<>(List.of("-Xms" + spec.heap(), "-Xmx" + spec.heap()));
        options.addAll(FAST_START_JVM_OPTIONS);
        options.addAll(jvmOptions);
        return String.join(" ", options);
    }

    private void awaitAllJoined() {
        long begin = System.nanoTime();
        List<String> expected = new ArrayList<>(nodes.keySet());
        while (true) {
            for (NodeProcess node : nodes.values()) {
                if (!node.isAlive()) {
                    throw nodeFailure(node, "lab node " + node.name() + " (OpenSearch " + version
                            + ") exited during start with code " + node.exitCode());
                }
            }
            if (clusterReportsAll(expected)) {
                return;
            }
            if (System.nanoTime() - begin >= startTimeout.toNanos()) {
                NodeProcess laggard = firstNotListed(expected);
                throw nodeFailure(laggard, "lab " + clusterName + " (OpenSearch " + version + ") did not form within "
                        + startTimeout + "; node " + laggard.name() + " had not joined");
            }
            pause();
        }
    }

    private boolean clusterReportsAll(List<String> expected) {
        for (NodeProcess node : nodes.values()) {
            OptionalInt count = probe.numberOfNodes(node.httpUri());
            if (count.isPresent() && count.getAsInt() == expected.size()
                    && probe.nodeNames(node.httpUri()).map(listed -> listed.containsAll(expected)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private NodeProcess firstNotListed(List<String> expected) {
        for (NodeProcess node : nodes.values()) {
            Optional<List<String>> listed = probe.nodeNames(node.httpUri());
            if (listed.isPresent()) {
                for (String name : expected) {
                    if (!listed.get().contains(name)) {
                        return nodes.get(name);
                    }
                }
            }
        }
        return nodes.values().iterator().next();
    }

    /** Whether a running node (other than {@code name} unless {@code askItself}) lists {@code name}. */
    private boolean reportedByCluster(String name, boolean askItself) {
        for (NodeProcess node : nodes.values()) {
            if (!node.isAlive() || (!askItself && node.name().equals(name))) {
                continue;
            }
            Optional<List<String>> listed = probe.nodeNames(node.httpUri());
            if (listed.isPresent()) {
                return listed.get().contains(name);
            }
        }
        return !askItself && nodes.values().stream().anyMatch(node -> node.isAlive() && !node.name().equals(name));
    }

    private void killAll() {
        nodes.values().forEach(NodeProcess::kill);
    }

    private OpsException nodeFailure(NodeProcess node, String message) {
        return new OpsException(message + "; log " + node.layout().consoleLog() + " ends with:\n" + node.logTail(),
                null, node.name(), null, null);
    }

    private NodeProcess process(String name) {
        NodeProcess node = nodes.get(name);
        if (node == null) {
            requireStarted();
            throw new OpsValidationException("lab " + clusterName + " has no node '" + name + "'; nodes: "
                    + nodes.keySet(), name);
        }
        return node;
    }

    private void requireStarted() {
        if (state == State.NEW) {
            throw new IllegalStateException("lab " + clusterName + " is not started; call start()");
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for the lab cluster", e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** Builder for {@link OpenSearchLab}; not thread-safe. */
    public static final class Builder {
        private String version = DEFAULT_VERSION;
        private String clusterName = "opsstack-lab";
        private LabTopology topology = LabTopology.hotWarmCold();
        private Path workDirectory = Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/lab"));
        private Duration startTimeout = Duration.ofMinutes(3);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private final Map<String, String> clusterSettings = new LinkedHashMap<>();
        private Path pathRepo;
        private Path javaHome;
        private final List<String> jvmOptions = new ArrayList<>();
        private String systemUser = ProcessUser.DEFAULT_SYSTEM_USER;
        private LabSecurity security;

        private Builder() {
        }

        /** OpenSearch version, e.g. {@code 2.19.4} or {@code 3.4.0}. */
        public Builder version(String version) {
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new OpsValidationException("invalid OpenSearch version '" + version + "'");
            }
            this.version = version;
            return this;
        }

        /** Cluster name, also the name of the cluster directory (default {@code opsstack-lab}). */
        public Builder clusterName(String clusterName) {
            if (clusterName == null || !CLUSTER_NAME.matcher(clusterName).matches()) {
                throw new OpsValidationException("invalid cluster name '" + clusterName
                        + "': letters, digits, '.', '_', '-' (at most 64)");
            }
            this.clusterName = clusterName;
            return this;
        }

        public Builder topology(LabTopology topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
            return this;
        }

        /** Root of lab directories (default: system property {@value #WORK_DIR_PROPERTY}, else {@code target/lab}). */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** Budget for forming the cluster and for a node to join after {@link #start(String)} (default 3 minutes). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = positive(startTimeout, "startTimeout");
            return this;
        }

        /** Grace between SIGTERM and SIGKILL, and budget for the cluster to see a node leave (default 30 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = positive(stopTimeout, "stopTimeout");
            return this;
        }

        /** Adds an {@code opensearch.yml} setting for every node (node settings win). */
        public Builder clusterSetting(String key, String value) {
            clusterSettings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder clusterSettings(Map<String, String> settings) {
            settings.forEach(this::clusterSetting);
            return this;
        }

        /**
         * Directory registered as {@code path.repo} for filesystem snapshot repositories (created if missing). A
         * relative path lies in the cluster directory, so it is emptied with it at the next start and needs no
         * cleaning up; an absolute path is the caller's to keep or delete.
         */
        public Builder pathRepo(Path pathRepo) {
            this.pathRepo = Objects.requireNonNull(pathRepo, "pathRepo");
            return this;
        }

        /** JDK for the nodes; default: see {@link JdkSelector} (3.x needs Java 21+). */
        public Builder javaHome(Path javaHome) {
            this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
            return this;
        }

        /** Adds a JVM option for every node, after the lab's own (so it wins). */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** Account nodes run as when the JVM is root (default {@value ProcessUser#DEFAULT_SYSTEM_USER}). */
        public Builder systemUser(String systemUser) {
            this.systemUser = Objects.requireNonNull(systemUser, "systemUser");
            return this;
        }

        /**
         * Runs the nodes with the OpenSearch security plugin ({@code opensearch-security}, installed into
         * a cached copy of the distribution): TLS on HTTP and transport with the certificates of
         * {@code security}, basic auth against its internal users; {@link #httpEndpoints()} are then
         * {@code https} URLs.
         */
        public Builder security(LabSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            clusterSettings.putAll(security.nodeSettings());
            return this;
        }

        /**
         * Applies options from a map, for scripts: {@code version}, {@code clusterName}, {@code topology}
         * (a ready-made name or the {@link LabTopology#toMap()} form), {@code workDirectory},
         * {@code pathRepo}, {@code javaHome}, {@code startTimeout} and {@code stopTimeout} (seconds or
         * ISO-8601 like {@code PT2M}), {@code clusterSettings} (map), {@code jvmOptions} (list),
         * {@code systemUser}. Unknown keys are rejected.
         */
        public Builder fromMap(Map<String, ?> options) {
            for (Map.Entry<String, ?> option : options.entrySet()) {
                String key = option.getKey();
                Object value = Objects.requireNonNull(option.getValue(), key);
                switch (key) {
                    case "version":
                        version(String.valueOf(value));
                        break;
                    case "clusterName":
                        clusterName(String.valueOf(value));
                        break;
                    case "topology":
                        topology(OptionValues.topology(value));
                        break;
                    case "workDirectory":
                        workDirectory(Path.of(String.valueOf(value)));
                        break;
                    case "pathRepo":
                        pathRepo(Path.of(String.valueOf(value)));
                        break;
                    case "javaHome":
                        javaHome(Path.of(String.valueOf(value)));
                        break;
                    case "startTimeout":
                        startTimeout(OptionValues.duration(key, value));
                        break;
                    case "stopTimeout":
                        stopTimeout(OptionValues.duration(key, value));
                        break;
                    case "clusterSettings":
                        OptionValues.map(key, value).forEach((k, v) -> clusterSetting(String.valueOf(k), String.valueOf(v)));
                        break;
                    case "jvmOptions":
                        OptionValues.list(key, value).forEach(item -> jvmOption(String.valueOf(item)));
                        break;
                    case "systemUser":
                        systemUser(String.valueOf(value));
                        break;
                    default:
                        throw new OpsValidationException("unknown lab option '" + key + "'");
                }
            }
            return this;
        }

        public OpenSearchLab build() {
            return new OpenSearchLab(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new OpsValidationException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
