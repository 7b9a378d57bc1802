package io.opsstack.testkit.victoria;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.FileTrees;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.victoria.internal.LabNodeProcess;
import io.opsstack.testkit.victoria.internal.LabNodes;
import io.opsstack.testkit.victoria.internal.sim.SimFlagsFile;
import io.opsstack.testkit.victoria.internal.sim.SimulatedComponentMain;

/**
 * A <b>simulator</b> of a VictoriaMetrics 1.79 cluster — not the real thing. The cluster binaries
 * (vminsert, vmselect, vmstorage) are not packaged by Debian and cannot be built from its sources, so
 * this starts one child JVM per component that imitates the documented cluster behaviour the opsstack
 * clients and health gates depend on (docs {@code Cluster-VictoriaMetrics.md} at
 * {@code v1.79.5-cluster}, metric names from its source):
 * <ul>
 *   <li>HTTP on the component's port: {@code /health} ({@code OK}), {@code /flags} (the start flags,
 *       {@code -storageNode} joined with commas), {@code /metrics};</li>
 *   <li>vminsert: {@code /insert/<accountID>[:<projectID>]/prometheus/api/v1/import/prometheus} and
 *       {@code .../api/v1/import}; series spread over the storage nodes by consistent hashing, RF copies,
 *       rerouting away from unreachable or read-only nodes; {@code vm_rpc_vmstorage_is_reachable} reads 1
 *       before the first connection attempt, {@code vm_tcpdialer_conns} is 0 until connected;</li>
 *   <li>vmselect: {@code /select/<tenant>/prometheus/api/v1/{query,query_range,series,labels,label/../values,
 *       export,status/tsdb}}, {@code /delete/<tenant>/prometheus/api/v1/admin/tsdb/delete_series},
 *       {@code /internal/resetRollupResultCache}; every storage node is asked, answers carry
 *       {@code isPartial}; {@code vm_tcpdialer_addr_available} per storage address;</li>
 *   <li>vmstorage: data in memory, real TCP RPC ports ({@code -vminsertAddr}, {@code -vmselectAddr}) whose
 *       open connections are {@code vm_vminsert_conns}/{@code vm_vmselect_conns}, the HTTP admin surface
 *       ({@code /snapshot/*}, {@code /internal/force_merge}, {@code /internal/force_flush}).</li>
 * </ul>
 * Storage lists are read from flags at start: each node's flags file ({@link #flagsFile(String)}, one
 * {@code -name=value} per line, holding {@code -storageNode} on vminsert/vmselect and
 * {@code -retentionPeriod} on vmstorage) is read when its process starts, so editing the file and
 * restarting the node through {@link #serviceControl()} changes the list as on a real node. Spare
 * storage nodes ({@link Builder#spareStorageNodes(int)}) are laid out but neither started nor listed,
 * for scale-out tests. Reachability follows real TCP connectivity to the
 * storage RPC ports. Only series selectors and numbers are evaluated as queries, the RPC wire format
 * is the simulator's own, data do not survive a restart of a storage process, and there is no
 * backpressure or rerouting throttling. Results obtained here are <em>simulated</em> and must be
 * confirmed on a real cluster.
 *
 * <p>Processes run under {@code <workDirectory>/vmsim-<name>/<node>/}; stop, kill and start go through
 * the same {@link ServiceControl} as real labs; {@link #close()} ends them all and a shutdown hook kills
 * forgotten ones. Thread-safe.
 */
public final class VmClusterSimulator implements AutoCloseable {
    /** System property with the default work directory. */
    public static final String WORK_DIR_PROPERTY = VictoriaLab.WORK_DIR_PROPERTY;
    public static final String VMINSERT = "vminsert";
    public static final String VMSELECT = "vmselect";
    public static final String VMSTORAGE = "vmstorage";

    private static final Logger LOG = LoggerFactory.getLogger(VmClusterSimulator.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String FLAGS_FILE = "flags.conf";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.net.preferIPv4Stack=true");

    private enum State { NEW, STARTED, CLOSED }

    private final String name;
    private final Path directory;
    private final int storageCount;
    private final int spareCount;
    private final String retentionPeriod;
    private final int insertCount;
    private final int selectCount;
    private final int replicationFactor;
    private final Duration firstDialDelay;
    private final Duration startTimeout;
    private final Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
    private LabNodes processes;
    private State state = State.NEW;

    private VmClusterSimulator(Builder b) {
        this.name = b.name;
        this.directory = b.workDirectory.toAbsolutePath().normalize().resolve("vmsim-" + b.name);
        this.storageCount = b.storageNodes;
        this.spareCount = b.spareStorageNodes;
        this.retentionPeriod = b.retentionPeriod;
        this.insertCount = b.insertNodes;
        this.selectCount = b.selectNodes;
        this.replicationFactor = b.replicationFactor;
        this.firstDialDelay = b.firstDialDelay;
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts vmstorage nodes, then vmselect, then vminsert, each once its {@code /health} answers. Idempotent. */
    public synchronized VmClusterSimulator start() {
        if (state == State.STARTED) {
            return this;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("simulator " + name + " was closed; build a new one");
        }
        long begin = System.nanoTime();
        prepareDirectory();
        processes = new LabNodes(name, directory, startTimeout);
        List<Integer> ports = FreePorts.loopback((storageCount + spareCount) * 3 + insertCount + selectCount);
        int next = 0;
        List<String> insertList = new ArrayList<>();
        List<String> selectList = new ArrayList<>();
        for (int i = 1; i <= storageCount + spareCount; i++) {
            SimulatedNode node = new SimulatedNode(VMSTORAGE + "-" + i, VMSTORAGE, address(ports.get(next++)),
                    address(ports.get(next++)), address(ports.get(next++)), List.of());
            if (i <= storageCount) {
                insertList.add(node.vminsertAddress());
                selectList.add(node.vmselectAddress());
            }
            register(node);
        }
        for (int i = 1; i <= selectCount; i++) {
            register(new SimulatedNode(VMSELECT + "-" + i, VMSELECT, address(ports.get(next++)), "", "", selectList));
        }
        for (int i = 1; i <= insertCount; i++) {
            register(new SimulatedNode(VMINSERT + "-" + i, VMINSERT, address(ports.get(next++)), "", "", insertList));
        }
        state = State.STARTED;
        try {
            for (String node : processes.names()) {
                if (!isSpare(node)) {
                    processes.launchAndAwait(node, startTimeout);
                }
            }
        } catch (RuntimeException e) {
            String logs = processes.logTails();
            close();
            throw new OpsException(e.getMessage() + "\n" + logs, e, name, null, null);
        }
        LOG.info("[lab] simulated VictoriaMetrics cluster {} ({} vmstorage, {} vmselect, {} vminsert, RF={}) up in {} ms",
                name, storageCount, selectCount, insertCount, replicationFactor,
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return this;
    }

    /** Every node in start order (storage, select, insert), spare storage nodes included. */
    public synchronized List<SimulatedNode> nodes() {
        requireStarted();
        return nodes.values().stream().map(this::current).toList();
    }

    /** The spare storage nodes: laid out with ports and a flags file, not started, in no storage list. */
    public synchronized List<SimulatedNode> spareStorageNodes() {
        requireStarted();
        return nodes.values().stream().filter(node -> isSpare(node.name())).toList();
    }

    /**
     * The node's flags file, read when its process starts: {@code -storageNode} of a vminsert or
     * vmselect, {@code -retentionPeriod} of a vmstorage, one {@code -name=value} per line.
     */
    public Path flagsFile(String nodeName) {
        return directory.resolve(node(nodeName).name()).resolve(FLAGS_FILE);
    }

    /** The nodes of one component ({@code vminsert}, {@code vmselect}, {@code vmstorage}). */
    public synchronized List<SimulatedNode> nodes(String component) {
        requireStarted();
        if (!List.of(VMINSERT, VMSELECT, VMSTORAGE).contains(component)) {
            throw new OpsValidationException("unknown simulated component '" + component + "'; known: vminsert, vmselect, vmstorage");
        }
        return nodes.values().stream().filter(node -> node.component().equals(component)).map(this::current).toList();
    }

    public synchronized SimulatedNode node(String nodeName) {
        requireStarted();
        SimulatedNode node = nodes.get(nodeName);
        if (node == null) {
            throw new OpsValidationException("no node '" + nodeName + "' in simulator " + name + "; known: " + nodes.keySet());
        }
        return current(node);
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    /**
     * The cluster (spare storage nodes excluded) as a plain map in the shape
     * {@code ClusterDefinition.fromMap} of opsstack-victoria reads: {@code name}, {@code replication_factor}, and node lists with {@code name}, {@code http}
     * (and for vmstorage {@code vminsert_port}, {@code vmselect_port}).
     */
    public synchronized Map<String, Object> definitionMap() {
        requireStarted();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "simulated-" + name);
        map.put("replication_factor", replicationFactor);
        map.put(VMINSERT, nodeMaps(VMINSERT));
        map.put(VMSELECT, nodeMaps(VMSELECT));
        map.put(VMSTORAGE, nodeMaps(VMSTORAGE));
        return map;
    }

    /** Stops a node (SIGTERM, SIGKILL after 10 s). */
    public void stop(String nodeName) {
        requireStarted();
        processes.stop(node(nodeName).name(), STOP_GRACE);
    }

    /** SIGKILL: a crash. */
    public void kill(String nodeName) {
        requireStarted();
        processes.kill(node(nodeName).name());
    }

    /** Starts a stopped node with its current flags and waits for {@code /health}. */
    public void start(String nodeName) {
        requireStarted();
        processes.start(node(nodeName).name(), startTimeout);
    }

    /**
     * Restarts a vminsert or vmselect with another {@code -storageNode} list in its flags file — the
     * only way the list changes in the open-source cluster.
     */
    public synchronized void restartWithStorageNodes(String nodeName, List<String> storageNodes) {
        SimulatedNode node = node(nodeName);
        if (node.component().equals(VMSTORAGE)) {
            throw new OpsValidationException(nodeName + " is a vmstorage node; it has no -storageNode list");
        }
        if (storageNodes.isEmpty()) {
            throw new OpsValidationException("-storageNode must list at least one address");
        }
        processes.stop(nodeName, STOP_GRACE);
        writeFlags(new SimulatedNode(node.name(), node.component(), node.httpAddress(), "", "", storageNodes));
        processes.start(nodeName, startTimeout);
    }

    public ServiceState state(String nodeName) {
        requireStarted();
        return processes.state(node(nodeName).name());
    }

    /** {@link ServiceControl} over the simulated processes; {@code start} waits for {@code /health}. */
    public ServiceControl serviceControl() {
        requireStarted();
        return processes;
    }

    public Set<Long> pids() {
        requireStarted();
        return processes.pids();
    }

    /** Live processes whose command line names this simulator's directory (none after {@link #close()}). */
    public List<ProcessHandle> leftoverProcesses() {
        return LabNodes.leftovers(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Stops every process (vminsert, vmselect, then vmstorage). Idempotent. */
    @Override
    public synchronized void close() {
        if (processes != null) {
            processes.stopAll(STOP_GRACE);
        }
        state = State.CLOSED;
    }

    @Override
    public String toString() {
        return "VmClusterSimulator[" + name + ", " + state + ", " + storageCount + " vmstorage, " + selectCount + " vmselect, "
                + insertCount + " vminsert, RF=" + replicationFactor + "]";
    }

    private void register(SimulatedNode node) {
        nodes.put(node.name(), node);
        Path nodeDirectory = directory.resolve(node.name());
        try {
            Files.createDirectories(nodeDirectory.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + nodeDirectory, e);
        }
        writeFlags(node);
        processes.add(new LabNodeProcess(node.name(), nodeDirectory, port(node.httpAddress()), command(node)));
    }

    private void writeFlags(SimulatedNode node) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (node.component().equals(VMSTORAGE)) {
            flags.put("retentionPeriod", retentionPeriod);
        } else {
            flags.put("storageNode", String.join(",", node.storageNodes()));
        }
        SimFlagsFile.write(directory.resolve(node.name()).resolve(FLAGS_FILE), flags);
    }

    /** The node with the storage list its flags file holds now (what its next start reads). */
    private SimulatedNode current(SimulatedNode node) {
        if (node.component().equals(VMSTORAGE)) {
            return node;
        }
        String list = SimFlagsFile.read(directory.resolve(node.name()).resolve(FLAGS_FILE)).getOrDefault("storageNode", "");
        List<String> storageNodes = list.isBlank() ? List.of() : List.of(list.split(","));
        return new SimulatedNode(node.name(), node.component(), node.httpAddress(), "", "", storageNodes);
    }

    private boolean isSpare(String nodeName) {
        SimulatedNode node = nodes.get(nodeName);
        return node.component().equals(VMSTORAGE) && Integer.parseInt(nodeName.substring(VMSTORAGE.length() + 1)) > storageCount;
    }

    private List<String> command(SimulatedNode node) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dopsstack.sim.directory=" + directory.resolve(node.name()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SimulatedComponentMain.class.getName());
        command.add("-component=" + node.component());
        command.add("-httpListenAddr=" + node.httpAddress());
        command.add("-sim.flagsFile=" + directory.resolve(node.name()).resolve(FLAGS_FILE));
        switch (node.component()) {
            case VMSTORAGE -> {
                command.add("-vminsertAddr=" + node.vminsertAddress());
                command.add("-vmselectAddr=" + node.vmselectAddress());
                command.add("-storageDataPath=" + directory.resolve(node.name()).resolve("data"));
            }
            case VMINSERT -> {
                command.add("-replicationFactor=" + replicationFactor);
                if (!firstDialDelay.isZero()) {
                    command.add("-sim.firstDialDelay=" + firstDialDelay.toMillis() + "ms");
                }
            }
            default -> {
                // vmselect: -storageNode comes from the flags file
            }
        }
        return command;
    }

    private List<Map<String, Object>> nodeMaps(String component) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (SimulatedNode node : nodes.values()) {
            if (!node.component().equals(component) || isSpare(node.name())) {
                continue;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", node.name());
            map.put("http", node.httpAddress());
            if (component.equals(VMSTORAGE)) {
                map.put("vminsert_port", port(node.vminsertAddress()));
                map.put("vmselect_port", port(node.vmselectAddress()));
            }
            maps.add(map);
        }
        return maps;
    }

    private void prepareDirectory() {
        if (Files.isDirectory(directory)) {
            List<Long> ended = LabNodes.endStale(directory, pidFiles());
            if (!ended.isEmpty()) {
                LOG.warn("[lab] ended processes {} left in {} by an earlier run", ended, directory);
            }
            for (ProcessHandle leftover : LabNodes.leftovers(directory)) {
                leftover.destroyForcibly();
            }
            FileTrees.delete(directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private List<Path> pidFiles() {
        List<Path> files = new ArrayList<>();
        try (var children = Files.list(directory)) {
            children.filter(Files::isDirectory).forEach(child -> files.add(child.resolve(child.getFileName() + ".pid")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return files;
    }

    private static String address(int port) {
        return "127.0.0.1:" + port;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private synchronized void requireStarted() {
        if (state != State.STARTED) {
            throw new IllegalStateException("simulator " + name + " is " + state + "; call start() first");
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String name = "cluster";
        private Path workDirectory = Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/lab"));
        private int storageNodes = 3;
        private int spareStorageNodes;
        private String retentionPeriod = "1";
        private int insertNodes = 2;
        private int selectNodes = 2;
        private int replicationFactor = 1;
        private Duration firstDialDelay = Duration.ZERO;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Names the directory {@code vmsim-<name>}; simulators running at once need different names. */
        public Builder name(String name) {
            if (name == null || !name.matches("[a-z][a-z0-9-]{0,30}")) {
                throw new OpsValidationException("simulator name must match [a-z][a-z0-9-]{0,30}, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        public Builder storageNodes(int count) {
            this.storageNodes = atLeastOne(count, "vmstorage");
            return this;
        }

        /** Storage nodes laid out after the others but not started nor listed, e.g. to add one later. Default 0. */
        public Builder spareStorageNodes(int count) {
            if (count < 0) {
                throw new OpsValidationException("spare vmstorage count must not be negative, was " + count);
            }
            this.spareStorageNodes = count;
            return this;
        }

        /** Every vmstorage's {@code -retentionPeriod} (VictoriaMetrics syntax: months, or with a unit). Default {@code 1}. */
        public Builder retentionPeriod(String retentionPeriod) {
            if (retentionPeriod == null || !retentionPeriod.matches("\\d+[hdwy]?")) {
                throw new OpsValidationException("retention period must be a number with an optional unit h, d, w or y, was '"
                        + retentionPeriod + "'");
            }
            this.retentionPeriod = retentionPeriod;
            return this;
        }

        public Builder insertNodes(int count) {
            this.insertNodes = atLeastOne(count, "vminsert");
            return this;
        }

        public Builder selectNodes(int count) {
            this.selectNodes = atLeastOne(count, "vmselect");
            return this;
        }

        public Builder replicationFactor(int replicationFactor) {
            this.replicationFactor = atLeastOne(replicationFactor, "replication factor");
            return this;
        }

        /**
         * Delays every vminsert's first connection attempt, to observe the window in which
         * {@code vm_rpc_vmstorage_is_reachable} already reads 1 without any connection. Default 0.
         */
        public Builder firstDialDelay(Duration firstDialDelay) {
            this.firstDialDelay = Objects.requireNonNull(firstDialDelay, "firstDialDelay");
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        public VmClusterSimulator build() {
            if (replicationFactor > storageNodes) {
                throw new OpsValidationException("replication factor " + replicationFactor + " needs at least as many vmstorage nodes, have "
                        + storageNodes);
            }
            return new VmClusterSimulator(this);
        }

        private static int atLeastOne(int count, String what) {
            if (count < 1) {
                throw new OpsValidationException(what + " count must be at least 1, was " + count);
            }
            return count;
        }
    }
}
