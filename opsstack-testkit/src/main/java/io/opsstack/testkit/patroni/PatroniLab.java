package io.opsstack.testkit.patroni;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.secret.Secret;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.ProcessServiceControl;
import io.opsstack.testkit.internal.process.FileTrees;
import io.opsstack.testkit.internal.process.FreePorts;
import io.opsstack.testkit.internal.process.PidRecords;
import io.opsstack.testkit.internal.process.ProcessTrees;
import io.opsstack.testkit.internal.process.ProcessUser;
import io.opsstack.testkit.patroni.internal.ClusterProbe;
import io.opsstack.testkit.patroni.internal.LabProcess;
import io.opsstack.testkit.patroni.internal.LeftoverProcesses;
import io.opsstack.testkit.patroni.internal.MemberConfig;

/**
 * A real Patroni cluster of local processes for integration tests: one etcd (v3 API) and, by
 * default, three Patroni members with PostgreSQL, all on free ports of 127.0.0.1.
 *
 * <pre>{@code
 * try (PatroniLab lab = PatroniLab.builder().build().start()) {
 *     List<URI> rest = lab.restEndpoints();          // point the code under test here
 *     lab.kill(lab.leaderName());                    // a crash of Patroni and its PostgreSQL
 *     lab.ensureHealthy();                           // back to a leader and streaming replicas
 * }
 * }</pre>
 *
 * <p>Needs the Debian packages {@code patroni} (3.0.2), {@code etcd-server} (3.4) and
 * {@code postgresql-15}. Files live under {@code <workDirectory>/patroni-<scope>/} (one directory
 * per member with {@code patroni.yml}, {@code data/} and {@code console.log}, plus {@code etcd/});
 * {@link #start()} begins from an empty directory and first ends processes a killed earlier run
 * left there. PostgreSQL refuses root, so a root JVM runs every process as the system user
 * {@code postgres}. A JVM shutdown hook kills processes of labs that were never closed.
 *
 * <p>Unsafe REST methods require basic auth by default ({@link #restUser()}, {@link #restPassword()}).
 *
 * <p>Thread-safe: member control calls are serialized.
 */
public final class PatroniLab implements AutoCloseable, ProcessServiceControl.Processes {

    /** System property with the default work directory. */
    public static final String WORK_DIR_PROPERTY = "opsstack.lab.workDir";
    /** The PostgreSQL binaries the members run. */
    public static final Path DEFAULT_BIN_DIRECTORY = Path.of("/usr/lib/postgresql/15/bin");

    private static final Logger LOG = LoggerFactory.getLogger(PatroniLab.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Path PATRONI = Path.of("/usr/bin/patroni");
    private static final Path ETCD = Path.of("/usr/bin/etcd");
    private static final String OWNED_MARKER = ".opsstack-patroni-lab";
    /** Unix socket paths are limited to 107 bytes; longer member directories get a socket directory in tmp. */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 80;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration ETCD_START_TIMEOUT = Duration.ofSeconds(30);

    private static PatroniLab shared;

    private enum State { NEW, STARTED, CLOSED }

    private final String scope;
    private final int memberCount;
    private final Path workDirectory;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final MemberConfig.DcsTiming timing;
    private final String restUser;
    private final Secret restPassword;
    private final PatroniLab standbyOf;
    private final String systemUser;

    private final ClusterProbe probe = new ClusterProbe();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final MemberConfig.LabPasswords passwords;
    private State state = State.NEW;
    private Path clusterDirectory;
    private LabProcess etcd;
    private int etcdPort;

    /** One member: its configuration and process. */
    private record Member(MemberConfig config, LabProcess process) {
    }

    private PatroniLab(Builder b) {
        this.scope = b.scope;
        this.memberCount = b.memberCount;
        this.workDirectory = b.workDirectory.toAbsolutePath().normalize();
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
        this.timing = new MemberConfig.DcsTiming(b.ttl, b.loopWait, b.retryTimeout, b.maximumLagOnFailover);
        this.restUser = b.restUser;
        this.restPassword = b.restPassword;
        this.standbyOf = b.standbyOf;
        this.systemUser = b.systemUser;
        // a standby cluster is a physical copy: its roles carry the primary cluster's passwords
        this.passwords = standbyOf != null ? standbyOf.passwords
                : new MemberConfig.LabPasswords(randomPassword(), randomPassword(), randomPassword());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The lab shared by every test class of this JVM: started on first use with the defaults
     * (scope {@code opsstack}), closed by a shutdown hook. Tests that change it must restore it,
     * e.g. with {@link #ensureHealthy()}.
     */
    public static synchronized PatroniLab shared() {
        if (shared == null) {
            PatroniLab lab = builder().scope("opsstack").build();
            Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "opsstack-patroni-lab-close"));
            shared = lab.start();
        }
        return shared;
    }

    /**
     * Writes the configuration, launches etcd and every member and returns once the cluster has a
     * running leader (a standby leader for a standby cluster) and all other members stream from
     * it on its timeline with lag 0. On failure everything is killed and the exception carries the
     * log tails. Calling it again is a no-op.
     */
    public synchronized PatroniLab start() {
        if (state == State.STARTED) {
            return this;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("lab " + scope + " was closed; build a new one");
        }
        requireInstalled();
        long begin = System.nanoTime();
        ProcessUser user = ProcessUser.forLabProcesses(systemUser);
        clusterDirectory = prepareClusterDirectory(user);
        createProcesses(user);
        user.takeOwnership(clusterDirectory);
        state = State.STARTED;
        try {
            etcd.launch();
            awaitEtcd();
            members.values().forEach(member -> member.process().launch());
            awaitHealthy(startTimeout);
        } catch (RuntimeException e) {
            String logs = logTails();
            killAll();
            state = State.CLOSED;
            throw new OpsException(e.getMessage() + "\n" + logs, e, scope, null, null);
        }
        LOG.info("[lab] Patroni cluster {} ({} members, leader {}) up in {} s as {} in {}", scope, memberCount,
                leaderName(), Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0, user, clusterDirectory);
        return this;
    }

    public String scope() {
        return scope;
    }

    /** Member names in order ({@code pg1}, {@code pg2}, …; for a standby cluster {@code sb1}, …). */
    public synchronized List<String> memberNames() {
        requireStarted();
        return List.copyOf(members.keySet());
    }

    /** A snapshot of the member. */
    public synchronized PatroniLabMember member(String name) {
        Member member = member0(name);
        MemberConfig config = member.config();
        return new PatroniLabMember(name, restUri(config), config.postgresPort(), member.process().pid(),
                postmasterPid(config), member.process().isAlive(), config.directory().toString(),
                member.process().consoleLog().toString());
    }

    /** Snapshots of all members in order. */
    public synchronized List<PatroniLabMember> members() {
        requireStarted();
        return members.keySet().stream().map(this::member).collect(Collectors.toUnmodifiableList());
    }

    /** REST base URIs of all members (running or not), in order. */
    public synchronized List<URI> restEndpoints() {
        requireStarted();
        return members.values().stream().map(member -> restUri(member.config())).collect(Collectors.toUnmodifiableList());
    }

    /** The user of REST basic auth for unsafe methods, or empty when the lab runs without it. */
    public Optional<String> restUser() {
        return Optional.ofNullable(restUser);
    }

    /** The REST basic-auth password, or empty when the lab runs without it. */
    public Optional<Secret> restPassword() {
        return Optional.ofNullable(restPassword);
    }

    /** The {@code postgres} superuser's password (throwaway, random per lab). */
    public Secret superuserPassword() {
        return Secret.of(passwords.superuser());
    }

    /** The etcd client URL. */
    public synchronized URI etcdEndpoint() {
        requireStarted();
        return URI.create("http://127.0.0.1:" + etcdPort);
    }

    /** The directory holding the member directories; known once {@link #start()} began. */
    public synchronized Path clusterDirectory() {
        requireStarted();
        return clusterDirectory;
    }

    /**
     * A libpq multi-host connection string that reaches whichever member accepts writes, e.g.
     * {@code host=127.0.0.1,127.0.0.1,127.0.0.1 port=5001,5002,5003 dbname=postgres user=postgres
     * target_session_attrs=read-write connect_timeout=1}. The password is not included: pass
     * {@link #superuserPassword()} as {@code PGPASSWORD} or a connection property.
     */
    public synchronized String connectionString() {
        requireStarted();
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        members.values().forEach(member -> {
            hosts.add("127.0.0.1");
            ports.add(Integer.toString(member.config().postgresPort()));
        });
        return "host=" + String.join(",", hosts) + " port=" + String.join(",", ports)
                + " dbname=postgres user=postgres target_session_attrs=read-write connect_timeout=1";
    }

    /** The same in JDBC form: {@code jdbc:postgresql://127.0.0.1:p1,127.0.0.1:p2/postgres?targetServerType=primary&…}. */
    public synchronized String jdbcUrl() {
        requireStarted();
        String hosts = members.values().stream().map(member -> member.config().postgresPort())
                .map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/postgres?targetServerType=primary&connectTimeout=1&user=postgres";
    }

    /** The name of the current leader as a running member sees it; fails when there is none. */
    public synchronized String leaderName() {
        requireStarted();
        ClusterProbe.Topology topology = topology();
        if (topology.leader() == null) {
            throw new OpsException("lab " + scope + " has no leader: " + topology.problem(), null, scope, null, null);
        }
        return topology.leader();
    }

    /** Stops the member gracefully (Patroni stops its PostgreSQL; SIGKILL after the stop timeout). */
    public synchronized void stop(String name) {
        stopProcess(name, stopTimeout);
    }

    /**
     * Kills the member's Patroni and PostgreSQL with SIGKILL: a crash. Patroni detaches its
     * postmaster (it is no descendant), so the postmaster is found through {@code postmaster.pid}.
     */
    public synchronized void kill(String name) {
        Member member = member0(name);
        Optional<ProcessHandle> postmaster = postmaster(member.config());
        member.process().kill();
        postmaster.ifPresent(ProcessTrees::kill);
    }

    /** Starts a stopped member on its data directory and waits until it streams from the leader again. */
    public synchronized void start(String name) {
        startProcess(name);
        awaitHealthy(startTimeout);
    }

    /** Starts every stopped member and waits for a leader and streaming replicas: the state tests start from. */
    public synchronized void ensureHealthy() {
        requireStarted();
        members.values().forEach(member -> member.process().launch());
        awaitHealthy(startTimeout);
    }

    /**
     * Waits until a running member reports a running leader and every other running member on its
     * timeline with lag 0 and listed as streaming by the leader's PostgreSQL.
     */
    public synchronized void awaitHealthy(Duration timeout) {
        requireStarted();
        long begin = System.nanoTime();
        int attempts = 0;
        while (true) {
            attempts++;
            for (Member member : members.values()) {
                if (member.process().exitedUnexpectedly()) {
                    throw new OpsException("lab member " + member.config().name() + " exited with code "
                            + member.process().exitCode() + "; log tail:\n" + member.process().logTail(),
                            null, member.config().name(), null, null);
                }
            }
            ClusterProbe.Topology topology = topology();
            long running = members.values().stream().filter(member -> member.process().isAlive()).count();
            if (topology.isHealthy((int) running)) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            if (elapsed.compareTo(timeout) >= 0) {
                throw new WaitTimeoutException("lab " + scope + " did not reach a leader with " + (running - 1)
                        + " streaming replicas within " + timeout + ": " + topology, null, scope, attempts, elapsed);
            }
            pause();
        }
    }

    /** A {@link ServiceControl} over the Patroni member processes. */
    public ServiceControl serviceControl() {
        return new ProcessServiceControl(this);
    }

    /**
     * Stops every member (SIGTERM, SIGKILL of the whole tree after the stop timeout), then etcd, and
     * ends anything still running from the lab directory; idempotent. Files stay for inspection.
     */
    @Override
    public synchronized void close() {
        if (state != State.STARTED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        Map<LabProcess, List<ProcessHandle>> stopping = new LinkedHashMap<>();
        members.values().forEach(member -> stopping.put(member.process(), member.process().requestStop()));
        stopping.forEach((process, tree) -> process.awaitStopped(tree, stopTimeout));
        etcd.stop(stopTimeout);
        List<Long> leftovers = LeftoverProcesses.end(clusterDirectory, Duration.ofSeconds(5));
        if (!leftovers.isEmpty()) {
            LOG.warn("[lab] ended leftover processes {} of {}", leftovers, clusterDirectory);
        }
        LOG.info("[lab] Patroni cluster {} closed", scope);
    }

    @Override
    public String toString() {
        return "PatroniLab[" + scope + ", " + memberCount + " members" + (standbyOf == null ? "" : ", standby of "
                + standbyOf.scope()) + ", " + state + "]";
    }

    /** SIGTERM to Patroni, which stops its PostgreSQL; after {@code grace} both are killed. Does not wait for the cluster. */
    @Override
    public synchronized void stopProcess(String name, Duration grace) {
        Member member = member0(name);
        Optional<ProcessHandle> postmaster = postmaster(member.config());
        if (!member.process().stop(grace)) {
            postmaster.ifPresent(ProcessTrees::kill);
        }
    }

    @Override
    public synchronized void startProcess(String name) {
        requireStarted();
        member0(name).process().launch();
    }

    /** Whether the node's process runs ({@code ACTIVE}), was stopped ({@code INACTIVE}) or died on its own ({@code FAILED}). */
    @Override
    public synchronized ServiceState state(String name) {
        LabProcess process = member0(name).process();
        if (process.isAlive()) {
            return ServiceState.ACTIVE;
        }
        return process.exitedUnexpectedly() ? ServiceState.FAILED : ServiceState.INACTIVE;
    }

    private ClusterProbe.Topology topology() {
        String leaderRole = standbyOf == null ? "leader" : "standby_leader";
        ClusterProbe.Topology last = new ClusterProbe.Topology(null, List.of(), "no member is running");
        for (Member member : members.values()) {
            if (member.process().isAlive()) {
                last = probe.topology(restUri(member.config()), leaderRole, true);
                if (last.leader() != null) {
                    return last;
                }
            }
        }
        return last;
    }

    private void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(PATRONI)) {
            missing.add("patroni (" + PATRONI + ")");
        }
        if (!Files.isExecutable(ETCD)) {
            missing.add("etcd-server (" + ETCD + ")");
        }
        if (!Files.isExecutable(DEFAULT_BIN_DIRECTORY.resolve("postgres"))) {
            missing.add("postgresql-15 (" + DEFAULT_BIN_DIRECTORY + ")");
        }
        if (!missing.isEmpty()) {
            throw new OpsException("PatroniLab needs the Debian packages " + missing
                    + "; install them with apt-get install patroni etcd-server postgresql-15");
        }
        if (standbyOf != null) {
            standbyOf.requireStarted();
        }
    }

    private void createProcesses(ProcessUser user) {
        List<Integer> ports = FreePorts.loopback(2 + 2 * memberCount);
        etcdPort = ports.get(0);
        int etcdPeerPort = ports.get(1);
        Path etcdDirectory = createDirectory(clusterDirectory.resolve("etcd"));
        String peerUrl = "http://127.0.0.1:" + etcdPeerPort;
        String clientUrl = "http://127.0.0.1:" + etcdPort;
        etcd = new LabProcess("etcd", List.of(ETCD.toString(), "--name", "lab", "--data-dir",
                etcdDirectory.resolve("data").toString(), "--listen-client-urls", clientUrl,
                "--advertise-client-urls", clientUrl, "--listen-peer-urls", peerUrl,
                "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "lab=" + peerUrl,
                "--initial-cluster-state", "new", "--enable-v2=false"),
                etcdDirectory, etcdDirectory.resolve("console.log"), etcdDirectory.resolve("etcd.pid"), Map.of(), user);
        String standbySource = standbyOf == null ? null : standbyOf.member(standbyOf.leaderName()).postgresAddress();
        String prefix = standbyOf == null ? "pg" : "sb";
        members.clear();
        for (int i = 0; i < memberCount; i++) {
            String name = prefix + (i + 1);
            Path directory = createDirectory(clusterDirectory.resolve(name));
            MemberConfig config = new MemberConfig(scope, name, ports.get(2 + 2 * i), ports.get(3 + 2 * i), directory,
                    socketDirectory(directory, user), etcdPort, DEFAULT_BIN_DIRECTORY, timing, passwords,
                    restUser, restPassword == null ? null : restPassword.reveal(), standbySource);
            config.write();
            LabProcess process = new LabProcess(name, List.of(PATRONI.toString(), config.file().toString()), directory,
                    directory.resolve("console.log"), directory.resolve("patroni.pid"),
                    Map.of("HOME", directory.toString()), user);
            members.put(name, new Member(config, process));
        }
    }

    private Path socketDirectory(Path memberDirectory, ProcessUser user) {
        if (memberDirectory.toString().length() <= MAX_SOCKET_DIRECTORY_LENGTH) {
            return memberDirectory;
        }
        String key = Integer.toHexString(memberDirectory.toString().hashCode());
        Path directory = createDirectory(Path.of(System.getProperty("java.io.tmpdir"), "opsstack-pg-" + key));
        user.takeOwnership(directory);
        return directory;
    }

    private void awaitEtcd() {
        long begin = System.nanoTime();
        while (true) {
            if (!etcd.isAlive()) {
                throw new OpsException("etcd exited with code " + etcd.exitCode());
            }
            if (probe.etcdHealthy(etcdEndpoint())) {
                return;
            }
            if (System.nanoTime() - begin > ETCD_START_TIMEOUT.toNanos()) {
                throw new OpsException("etcd did not become healthy within " + ETCD_START_TIMEOUT);
            }
            pause();
        }
    }

    private Path prepareClusterDirectory(ProcessUser user) {
        Path requested = workDirectory.resolve("patroni-" + scope);
        Path directory = freshDirectory(requested, user);
        if (user.canUse(directory)) {
            return directory;
        }
        String key = Integer.toHexString(requested.toString().hashCode());
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "opsstack-lab", key, "patroni-" + scope)
                .toAbsolutePath();
        LOG.warn("[lab] user {} cannot reach {}; using {} instead", user.name(), requested, fallback);
        Path fallbackDirectory = freshDirectory(fallback, user);
        if (!user.canUse(fallbackDirectory)) {
            throw new OpsException("user " + user.name() + " can use neither " + requested + " nor " + fallback);
        }
        return fallbackDirectory;
    }

    /** Ends processes of an earlier run, empties the directory (only if a lab created it) and hands it to the user. */
    private Path freshDirectory(Path directory, ProcessUser user) {
        try {
            if (Files.isDirectory(directory)) {
                List<Long> ended = new ArrayList<>(PidRecords.endStale(pidFilesUnder(directory), directory.toString()));
                ended.addAll(LeftoverProcesses.end(directory, Duration.ofSeconds(10)));
                if (!ended.isEmpty()) {
                    LOG.warn("[lab] ended processes {} left by an earlier run in {}", ended, directory);
                }
                if (!Files.exists(directory.resolve(OWNED_MARKER)) && !isEmpty(directory)) {
                    throw new OpsValidationException("refusing to clear " + directory
                            + ": it is not empty and was not created by a Patroni lab");
                }
                FileTrees.delete(directory);
            }
            Files.createDirectories(directory);
            Files.createFile(directory.resolve(OWNED_MARKER));
            // PostgreSQL insists on a private data directory; its parents only need to be traversable
            user.takeOwnership(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare lab directory " + directory, e);
        }
    }

    private static List<Path> pidFilesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.find(directory, 2, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".pid"))) {
            return files.collect(Collectors.toList());
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static long postmasterPid(MemberConfig config) {
        return postmaster(config).map(ProcessHandle::pid).orElse(-1L);
    }

    /** The live postmaster named in the data directory's {@code postmaster.pid}, if any. */
    private static Optional<ProcessHandle> postmaster(MemberConfig config) {
        Path pidFile = config.dataDirectory().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static URI restUri(MemberConfig config) {
        return URI.create("http://127.0.0.1:" + config.restPort());
    }

    private String logTails() {
        StringBuilder out = new StringBuilder();
        if (etcd != null) {
            out.append("--- etcd (").append(etcd.consoleLog()).append(")\n").append(etcd.logTail());
        }
        for (Member member : members.values()) {
            out.append("--- ").append(member.config().name()).append(" (").append(member.process().consoleLog())
                    .append(")\n").append(member.process().logTail());
        }
        return out.toString();
    }

    private void killAll() {
        members.values().forEach(member -> member.process().kill());
        if (etcd != null) {
            etcd.kill();
        }
        if (clusterDirectory != null) {
            LeftoverProcesses.end(clusterDirectory, Duration.ofSeconds(5));
        }
    }

    private Member member0(String name) {
        requireStarted();
        Member member = members.get(Objects.requireNonNull(name, "name"));
        if (member == null) {
            throw new OpsValidationException("lab " + scope + " has no member '" + name + "'; members: "
                    + members.keySet());
        }
        return member;
    }

    private void requireStarted() {
        if (state != State.STARTED) {
            throw new IllegalStateException("lab " + scope + " is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + "; call start() first");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("waiting for the Patroni lab", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Lab configuration; not thread-safe. */
    public static final class Builder {
        private String scope = "opsstack";
        private int memberCount = 3;
        private Path workDirectory = Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/lab"));
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private int ttl = 20;
        private int loopWait = 2;
        private int retryTimeout = 5;
        private long maximumLagOnFailover = 1_048_576;
        private String restUser = "opsstack";
        private Secret restPassword = Secret.of(randomPassword());
        private PatroniLab standbyOf;
        private String systemUser = "postgres";

        private Builder() {
        }

        /** The Patroni scope (cluster name), also the lab directory name {@code patroni-<scope>}. Default {@code opsstack}. */
        public Builder scope(String scope) {
            if (scope == null || !NAME.matcher(scope).matches()) {
                throw new OpsValidationException("scope must match " + NAME + ": " + scope);
            }
            this.scope = scope;
            return this;
        }

        /** Number of members, 1 to 5. Default 3. */
        public Builder members(int count) {
            if (count < 1 || count > 5) {
                throw new OpsValidationException("a lab has 1 to 5 members, not " + count);
            }
            this.memberCount = count;
            return this;
        }

        /** Parent of the lab directory. Default: system property {@value #WORK_DIR_PROPERTY}, else {@code target/lab}. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** Bound on {@link #start()} and on member starts. Default 120 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = positive(startTimeout, "startTimeout");
            return this;
        }

        /** Grace before SIGKILL when stopping a member or etcd. Default 30 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = positive(stopTimeout, "stopTimeout");
            return this;
        }

        /**
         * The bootstrap DCS timing in seconds. Default ttl 20, loop_wait 2, retry_timeout 5: fast
         * convergence for tests (Patroni requires ttl ≥ loop_wait + 2 × retry_timeout).
         */
        public Builder timing(int ttl, int loopWait, int retryTimeout) {
            if (loopWait < 1 || retryTimeout < 3 || ttl < 20 || ttl < loopWait + 2 * retryTimeout) {
                throw new OpsValidationException("need loop_wait >= 1, retry_timeout >= 3, ttl >= 20 and ttl >= "
                        + "loop_wait + 2 * retry_timeout; got " + ttl + "/" + loopWait + "/" + retryTimeout);
            }
            this.ttl = ttl;
            this.loopWait = loopWait;
            this.retryTimeout = retryTimeout;
            return this;
        }

        /** {@code maximum_lag_on_failover} in bytes. Default 1 MiB. */
        public Builder maximumLagOnFailover(long bytes) {
            if (bytes < 0) {
                throw new OpsValidationException("maximumLagOnFailover must not be negative");
            }
            this.maximumLagOnFailover = bytes;
            return this;
        }

        /** REST basic auth for unsafe methods with this user and password. Default: user {@code opsstack}, random password. */
        public Builder restAuthentication(String user, Secret password) {
            if (user == null || user.isBlank() || user.contains(":")) {
                throw new OpsValidationException("REST user must be non-blank without ':'");
            }
            this.restUser = user;
            this.restPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Unsafe REST methods without authentication. */
        public Builder withoutRestAuthentication() {
            this.restUser = null;
            this.restPassword = null;
            return this;
        }

        /**
         * Makes this lab a standby cluster of {@code primary} (started): its bootstrap DCS carries a
         * {@code standby_cluster} section pointing at the primary's current leader, its leader is a
         * standby leader and its members are named {@code sb1}, {@code sb2}, ….
         */
        public Builder standbyOf(PatroniLab primary) {
            this.standbyOf = Objects.requireNonNull(primary, "primary");
            return this;
        }

        /** The account processes run as when the JVM is root. Default {@code postgres}. */
        public Builder systemUser(String systemUser) {
            if (systemUser == null || systemUser.isBlank()) {
                throw new OpsValidationException("systemUser must not be blank");
            }
            this.systemUser = systemUser;
            return this;
        }

        public PatroniLab build() {
            if (standbyOf != null && standbyOf.scope().equals(scope)) {
                throw new OpsValidationException("a standby lab needs its own scope, not " + scope);
            }
            return new PatroniLab(this);
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new OpsValidationException(what + " must be positive");
            }
            return value;
        }
    }
}
