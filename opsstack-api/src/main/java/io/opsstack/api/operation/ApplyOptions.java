package io.opsstack.api.operation;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.journal.FileJournal;
import io.opsstack.api.journal.Journal;
import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.lease.LeaseStore;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to apply a plan. Immutable; build with {@link #builder()}, start from {@link #defaults()}, or
 * configure from a script with {@link #fromMap(Map)}.
 *
 * <p>Defaults: no dry run, timeout 1 hour, strictly sequential ({@code maxParallel} 1), stop at the
 * first failure, no listener, the journal in {@link FileJournal#defaultDirectory()}, the process-wide
 * {@link InMemoryLeaseStore#shared()} lease store, lease TTL 2 minutes (renewed every TTL/3), owner
 * {@code host:pid:thread}, the plan's id as operation id, the last 500 events kept in the result.
 */
public final class ApplyOptions {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_RECORDED_EVENTS = 500;

    private static final ApplyOptions DEFAULTS = builder().build();

    private final DryRun dryRun;
    private final Duration timeout;
    private final int maxParallel;
    private final FailurePolicy onFailure;
    private final ProgressListener listener;
    private final Journal journal;
    private final LeaseStore leaseStore;
    private final Duration leaseTtl;
    private final String owner;
    private final String operationId;
    private final int maxRecordedEvents;

    private ApplyOptions(Builder builder) {
        this.dryRun = Objects.requireNonNull(builder.dryRun, "dryRun");
        this.timeout = positive(builder.timeout, "timeout");
        this.leaseTtl = positive(builder.leaseTtl, "leaseTtl");
        this.onFailure = Objects.requireNonNull(builder.onFailure, "onFailure");
        this.listener = Objects.requireNonNull(builder.listener, "listener");
        this.leaseStore = Objects.requireNonNull(builder.leaseStore, "leaseStore");
        if (builder.maxParallel < 1) {
            throw new OpsValidationException("maxParallel must be 1 or more, got " + builder.maxParallel);
        }
        if (builder.maxRecordedEvents < 0) {
            throw new OpsValidationException("maxRecordedEvents must not be negative, got " + builder.maxRecordedEvents);
        }
        this.maxParallel = builder.maxParallel;
        this.maxRecordedEvents = builder.maxRecordedEvents;
        this.journal = builder.journal;
        this.owner = builder.owner;
        this.operationId = builder.operationId;
    }

    public static ApplyOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.dryRun = dryRun;
        builder.timeout = timeout;
        builder.maxParallel = maxParallel;
        builder.onFailure = onFailure;
        builder.listener = listener;
        builder.journal = journal;
        builder.leaseStore = leaseStore;
        builder.leaseTtl = leaseTtl;
        builder.owner = owner;
        builder.operationId = operationId;
        builder.maxRecordedEvents = maxRecordedEvents;
        return builder;
    }

    /**
     * Options from a script's map. Keys (all optional): {@code dryRun} (NONE, CLIENT, SERVER or a
     * boolean, true meaning CLIENT), {@code timeout} and {@code leaseTtl} (ISO-8601 such as
     * {@code PT30M}, or a number of seconds), {@code maxParallel}, {@code onFailure} (STOP, CONTINUE),
     * {@code journalDir} (a {@link FileJournal} directory), {@code leaseDir} (a {@link FileLeaseStore}
     * directory), {@code owner}, {@code operationId}, {@code maxRecordedEvents}, {@code listener}
     * (a {@link ProgressListener}). Unknown keys are refused.
     */
    public static ApplyOptions fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "dryRun" -> builder.dryRun(value instanceof Boolean flag
                        ? (flag ? DryRun.CLIENT : DryRun.NONE)
                        : enumValue(DryRun.class, key, value));
                case "timeout" -> builder.timeout(duration(key, value));
                case "leaseTtl" -> builder.leaseTtl(duration(key, value));
                case "maxParallel" -> builder.maxParallel(integer(key, value));
                case "maxRecordedEvents" -> builder.maxRecordedEvents(integer(key, value));
                case "onFailure" -> builder.onFailure(enumValue(FailurePolicy.class, key, value));
                case "journalDir" -> builder.journal(new FileJournal(Paths.get(value.toString())));
                case "leaseDir" -> builder.leaseStore(new FileLeaseStore(Paths.get(value.toString())));
                case "owner" -> builder.owner(value.toString());
                case "operationId" -> builder.operationId(value.toString());
                case "listener" -> {
                    if (!(value instanceof ProgressListener listener)) {
                        throw new OpsValidationException("apply option listener must be a ProgressListener");
                    }
                    builder.listener(listener);
                }
                default -> throw new OpsValidationException("unknown apply option '" + key + "'; known: dryRun, "
                        + "timeout, maxParallel, onFailure, journalDir, leaseDir, leaseTtl, owner, operationId, "
                        + "maxRecordedEvents, listener");
            }
        });
        return builder.build();
    }

    public DryRun dryRun() {
        return dryRun;
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxParallel() {
        return maxParallel;
    }

    public FailurePolicy onFailure() {
        return onFailure;
    }

    public ProgressListener listener() {
        return listener;
    }

    /** The journal to use: the configured one, or the file journal in the default directory. */
    public Journal journal() {
        return journal != null ? journal : FileJournal.atDefaultLocation();
    }

    public LeaseStore leaseStore() {
        return leaseStore;
    }

    public Duration leaseTtl() {
        return leaseTtl;
    }

    /** The configured lease owner, or null for the default {@code host:pid:thread} of the applying thread. */
    public String owner() {
        return owner;
    }

    /** The configured operation id, or null to use the plan's id. */
    public String operationId() {
        return operationId;
    }

    public int maxRecordedEvents() {
        return maxRecordedEvents;
    }

    @Override
    public String toString() {
        return "ApplyOptions[dryRun=" + dryRun + ", timeout=" + timeout + ", maxParallel=" + maxParallel
                + ", onFailure=" + onFailure + ", journal=" + (journal == null ? "default" : journal)
                + ", leaseStore=" + leaseStore + ", leaseTtl=" + leaseTtl + ", owner=" + (owner == null ? "default" : owner)
                + ", operationId=" + (operationId == null ? "plan id" : operationId)
                + ", maxRecordedEvents=" + maxRecordedEvents + "]";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new OpsValidationException(name + " must be positive, got " + value);
        }
        return value;
    }

    private static Duration duration(String key, Object value) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number seconds) {
            return Duration.ofSeconds(seconds.longValue());
        }
        try {
            return Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new OpsValidationException("apply option " + key
                    + " must be an ISO-8601 duration such as PT30M or a number of seconds, got '" + value + "'");
        }
    }

    private static int integer(String key, Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("apply option " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String key, Object value) {
        try {
            return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("apply option " + key + " must be one of "
                    + List.of(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }

    /** Builds {@link ApplyOptions}; every setting is optional. */
    public static final class Builder {
        private DryRun dryRun = DryRun.NONE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxParallel = 1;
        private FailurePolicy onFailure = FailurePolicy.STOP;
        private ProgressListener listener = ProgressListeners.none();
        private Journal journal;
        private LeaseStore leaseStore = InMemoryLeaseStore.shared();
        private Duration leaseTtl = DEFAULT_LEASE_TTL;
        private String owner;
        private String operationId;
        private int maxRecordedEvents = DEFAULT_MAX_RECORDED_EVENTS;

        private Builder() {
        }

        public Builder dryRun(DryRun dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** Overall deadline: no step starts after it, and steps can bound themselves with {@code remaining()}. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How many steps of one parallel group may run at once; 1 (the default) runs every step in turn. */
        public Builder maxParallel(int maxParallel) {
            this.maxParallel = maxParallel;
            return this;
        }

        public Builder onFailure(FailurePolicy onFailure) {
            this.onFailure = onFailure;
            return this;
        }

        public Builder listener(ProgressListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder journal(Journal journal) {
            this.journal = journal;
            return this;
        }

        /** Shorthand for {@code journal(new FileJournal(directory))}. */
        public Builder journalDirectory(Path directory) {
            return journal(new FileJournal(directory));
        }

        public Builder leaseStore(LeaseStore leaseStore) {
            this.leaseStore = leaseStore;
            return this;
        }

        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
            return this;
        }

        /** Who the lease names as holder; null for the default {@code host:pid:thread}. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The journal key; set it to resume an earlier apply under a different id than the plan's. */
        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        /** How many of the last events the result keeps; 0 keeps none. */
        public Builder maxRecordedEvents(int maxRecordedEvents) {
            this.maxRecordedEvents = maxRecordedEvents;
            return this;
        }

        public ApplyOptions build() {
            return new ApplyOptions(this);
        }
    }
}
