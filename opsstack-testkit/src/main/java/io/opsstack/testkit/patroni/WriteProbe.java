package io.opsstack.testkit.patroni;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.secret.Secret;

/**
 * Measures write availability the way an application sees it: every ~50 ms it opens a <b>new</b>
 * connection to a multi-host URL that accepts only the primary ({@code targetServerType=primary},
 * libpq's {@code target_session_attrs=read-write}), inserts one numbered row, and disconnects. Each
 * acknowledged insert is remembered; {@link #stop()} reports the gaps (runs of failed attempts
 * between acknowledged writes) and checks that every acknowledged row is still on the primary.
 *
 * <pre>{@code
 * try (WriteProbe probe = WriteProbe.start(lab)) {
 *     ... switchover ...
 *     WriteProbeReport report = probe.stop();   // report.lost() == 0, report.maxGap()
 * }
 * }</pre>
 *
 * <p>Rows go to the table {@value #TABLE}, tagged with a random run id. Thread-safe.
 */
public final class WriteProbe implements AutoCloseable {
    public static final String TABLE = "opsstack_write_probe";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);
    /** Never trust a cached "this host is a standby" verdict: the roles change during the probe. */
    private static final String URL_OPTIONS = "hostRecheckSeconds=0&loginTimeout=2&socketTimeout=5";

    private final String url;
    private final Properties properties = new Properties();
    private final Duration interval;
    private final String run = UUID.randomUUID().toString();
    private final List<Long> acknowledgedSequence = new ArrayList<>();
    private final List<WriteGap> gaps = new ArrayList<>();
    private final Thread writer;
    private final Instant startedAt = Instant.now();
    private volatile boolean running = true;
    private long attempts;
    private Instant lastAcknowledged;
    private Instant gapStart;
    private int gapFailures;
    private String gapError;
    private WriteProbeReport report;

    private WriteProbe(String jdbcUrl, Secret password, Duration interval) {
        this.url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + URL_OPTIONS;
        this.interval = interval;
        properties.setProperty("password", password.reveal());
        this.writer = new Thread(this::writeLoop, "opsstack-write-probe");
        this.writer.setDaemon(true);
    }

    /** Probes the lab's primary through {@link PatroniLab#jdbcUrl()} every 50 ms. */
    public static WriteProbe start(PatroniLab lab) {
        return start(lab.jdbcUrl(), lab.superuserPassword(), DEFAULT_INTERVAL);
    }

    /**
     * Creates the probe table if needed (waiting up to a minute for a primary), then starts writing.
     *
     * @param jdbcUrl a multi-host URL with {@code targetServerType=primary} and a short {@code connectTimeout}
     */
    public static WriteProbe start(String jdbcUrl, Secret password, Duration interval) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(password, "password");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        WriteProbe probe = new WriteProbe(jdbcUrl, password, interval);
        probe.retrying("create " + TABLE, () -> {
            try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (run text NOT NULL, seq bigint NOT NULL, written_at timestamptz NOT NULL DEFAULT now(),"
                        + " PRIMARY KEY (run, seq))");
            }
            return null;
        });
        probe.writer.start();
        return probe;
    }

    /** Stops writing, checks the acknowledged rows on the primary and reports; idempotent. */
    public synchronized WriteProbeReport stop() {
        if (report != null) {
            return report;
        }
        running = false;
        try {
            writer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while stopping the write probe", e, null, null, null);
        }
        Instant stoppedAt = Instant.now();
        List<WriteGap> allGaps = new ArrayList<>(gaps);
        if (gapFailures > 0 && gapStart != null) {
            allGaps.add(new WriteGap(gapStart, null, gapFailures, gapError));
        }
        Set<Long> stored = retrying("read back acknowledged rows", this::storedSequence);
        long lost = acknowledgedSequence.stream().filter(seq -> !stored.contains(seq)).count();
        report = new WriteProbeReport(startedAt, stoppedAt, attempts, acknowledgedSequence.size(), lost, allGaps);
        return report;
    }

    @Override
    public void close() {
        if (report == null && running) {
            running = false;
            writer.interrupt();
        }
    }

    private void writeLoop() {
        long seq = 0;
        while (running) {
            long begin = System.nanoTime();
            seq++;
            attempts++;
            try {
                insert(seq);
                acknowledged(seq, Instant.now());
            } catch (SQLException | RuntimeException e) {
                failed(e);
            }
            long sleepNanos = interval.toNanos() - (System.nanoTime() - begin);
            if (sleepNanos > 0) {
                try {
                    Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void insert(long seq) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (run, seq) VALUES (?, ?)")) {
            insert.setString(1, run);
            insert.setLong(2, seq);
            insert.executeUpdate();
        }
    }

    private void acknowledged(long seq, Instant at) {
        acknowledgedSequence.add(seq);
        if (gapFailures > 0 && gapStart != null) {
            gaps.add(new WriteGap(gapStart, at, gapFailures, gapError));
        }
        gapFailures = 0;
        gapError = null;
        gapStart = null;
        lastAcknowledged = at;
    }

    private void failed(Exception e) {
        if (gapFailures == 0) {
            // failures before the first acknowledged write count from the probe's start
            gapStart = lastAcknowledged != null ? lastAcknowledged : startedAt;
            gapError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        gapFailures++;
    }

    private Set<Long> storedSequence() throws SQLException {
        Set<Long> stored = new HashSet<>();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT seq FROM " + TABLE + " WHERE run = ?")) {
            select.setString(1, run);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
        }
        return stored;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /** A JDBC action retried until it succeeds or {@link #VERIFY_TIMEOUT} passes (e.g. while no primary is elected). */
    private interface JdbcAction<T> {
        T run() throws SQLException;
    }

    private <T> T retrying(String what, JdbcAction<T> action) {
        long deadline = System.nanoTime() + VERIFY_TIMEOUT.toNanos();
        while (true) {
            try {
                return action.run();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new OpsException("write probe could not " + what + " within " + VERIFY_TIMEOUT + ": " + e.getMessage(),
                            e, null, null, null);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new OpsException("interrupted while the write probe tried to " + what, ie, null, null, null);
                }
            }
        }
    }
}
