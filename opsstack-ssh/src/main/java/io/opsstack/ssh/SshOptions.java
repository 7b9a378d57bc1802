package io.opsstack.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.secret.Secret;

/**
 * Connection settings of an {@link SshExecutor}: host key checking, identities, timeouts and
 * connection reuse. Immutable; build with {@link #builder()} or {@link #fromMap(Map)}.
 */
public final class SshOptions {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_CHANNELS_PER_CONNECTION = 8;

    private static final Set<String> MAP_KEYS = Set.of("knownHostsFile", "hostKeyPolicy", "identityFiles",
            "passphrase", "passphrase_env", "useAgent", "agentSocket", "password", "password_env", "connectTimeout",
            "commandTimeout", "keepAliveInterval", "channelsPerConnection");

    private final Path knownHostsFile;
    private final HostKeyPolicy hostKeyPolicy;
    private final List<SshIdentity> identities;
    private final boolean useAgent;
    private final Path agentSocket;
    private final Secret password;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final Duration keepAliveInterval;
    private final int channelsPerConnection;

    private SshOptions(Builder b) {
        this.knownHostsFile = b.knownHostsFile;
        this.hostKeyPolicy = b.hostKeyPolicy;
        this.identities = List.copyOf(b.identities);
        this.useAgent = b.useAgent;
        this.agentSocket = b.agentSocket;
        this.password = b.password;
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.commandTimeout = positive(b.commandTimeout, "commandTimeout");
        this.keepAliveInterval = positive(b.keepAliveInterval, "keepAliveInterval");
        if (b.channelsPerConnection < 1) {
            throw new OpsValidationException("channelsPerConnection must be at least 1");
        }
        this.channelsPerConnection = b.channelsPerConnection;
        if (identities.isEmpty() && !useAgent && password == null) {
            throw new OpsValidationException("SSH options need an identity file, the agent or a password");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults with {@code ~/.ssh/id_ed25519}, {@code id_ecdsa} and {@code id_rsa}, those of them that exist. */
    public static SshOptions defaults() {
        Builder builder = builder();
        Path sshDir = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (sshDir.resolve(name).toFile().isFile()) {
                builder.identity(SshIdentity.keyFile(sshDir.resolve(name)));
            }
        }
        return builder.build();
    }

    /**
     * For scripts: keys {@code knownHostsFile}, {@code hostKeyPolicy} (STRICT, ACCEPT_NEW,
     * INSECURE_ACCEPT_ALL), {@code identityFiles} (list or comma-separated), {@code passphrase} or
     * {@code passphrase_env} (for all identity files), {@code useAgent}, {@code agentSocket},
     * {@code password} or {@code password_env}, {@code connectTimeout}, {@code commandTimeout},
     * {@code keepAliveInterval} (e.g. "30s"), {@code channelsPerConnection}.
     */
    public static SshOptions fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "SSH");
        Builder builder = builder();
        Path knownHosts = OptionMaps.path(map, "knownHostsFile");
        if (knownHosts != null) {
            builder.knownHostsFile(knownHosts);
        }
        String policy = OptionMaps.string(map, "hostKeyPolicy");
        if (policy != null) {
            try {
                builder.hostKeyPolicy(HostKeyPolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OpsValidationException("hostKeyPolicy must be one of STRICT, ACCEPT_NEW, INSECURE_ACCEPT_ALL");
            }
        }
        Secret passphrase = OptionMaps.secret(map, "passphrase");
        for (String file : OptionMaps.strings(map, "identityFiles")) {
            builder.identity(passphrase == null ? SshIdentity.keyFile(Path.of(file))
                    : SshIdentity.keyFile(Path.of(file), passphrase));
        }
        Boolean agent = OptionMaps.bool(map, "useAgent");
        if (agent != null) {
            builder.useAgent(agent);
        }
        Path socket = OptionMaps.path(map, "agentSocket");
        if (socket != null) {
            builder.agentSocket(socket);
        }
        Secret password = OptionMaps.secret(map, "password");
        if (password != null) {
            builder.password(password);
        }
        Duration connect = OptionMaps.duration(map, "connectTimeout");
        if (connect != null) {
            builder.connectTimeout(connect);
        }
        Duration command = OptionMaps.duration(map, "commandTimeout");
        if (command != null) {
            builder.commandTimeout(command);
        }
        Duration keepAlive = OptionMaps.duration(map, "keepAliveInterval");
        if (keepAlive != null) {
            builder.keepAliveInterval(keepAlive);
        }
        Integer channels = OptionMaps.integer(map, "channelsPerConnection");
        if (channels != null) {
            builder.channelsPerConnection(channels);
        }
        return builder.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.knownHostsFile = knownHostsFile;
        b.hostKeyPolicy = hostKeyPolicy;
        b.identities.addAll(identities);
        b.useAgent = useAgent;
        b.agentSocket = agentSocket;
        b.password = password;
        b.connectTimeout = connectTimeout;
        b.commandTimeout = commandTimeout;
        b.keepAliveInterval = keepAliveInterval;
        b.channelsPerConnection = channelsPerConnection;
        return b;
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }

    public HostKeyPolicy hostKeyPolicy() {
        return hostKeyPolicy;
    }

    public List<SshIdentity> identities() {
        return identities;
    }

    public boolean useAgent() {
        return useAgent;
    }

    /** The agent's unix socket; null means {@code SSH_AUTH_SOCK} at connection time. */
    public Path agentSocket() {
        return agentSocket;
    }

    /** The password for password authentication, or null when it is not offered. */
    public Secret password() {
        return password;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Applies to commands that set no timeout of their own. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * Concurrent commands per connection before another connection to the same target is opened
     * (OpenSSH's {@code MaxSessions} defaults to 10).
     */
    public int channelsPerConnection() {
        return channelsPerConnection;
    }

    @Override
    public String toString() {
        return "SshOptions[knownHostsFile=" + knownHostsFile + ", hostKeyPolicy=" + hostKeyPolicy
                + ", identities=" + identities + ", useAgent=" + useAgent
                + ", password=" + (password == null ? "none" : password)
                + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout
                + ", keepAliveInterval=" + keepAliveInterval + "]";
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException(name + " must be a positive duration, was " + value);
        }
        return value;
    }

    /** Builder of {@link SshOptions}; defaults: STRICT host keys in {@code ~/.ssh/known_hosts}, no agent, no password. */
    public static final class Builder {
        private Path knownHostsFile = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        private HostKeyPolicy hostKeyPolicy = HostKeyPolicy.STRICT;
        private final List<SshIdentity> identities = new ArrayList<>();
        private boolean useAgent;
        private Path agentSocket;
        private Secret password;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
        private int channelsPerConnection = DEFAULT_CHANNELS_PER_CONNECTION;

        private Builder() {
        }

        public Builder knownHostsFile(Path file) {
            this.knownHostsFile = Objects.requireNonNull(file, "knownHostsFile");
            return this;
        }

        public Builder hostKeyPolicy(HostKeyPolicy policy) {
            this.hostKeyPolicy = Objects.requireNonNull(policy, "hostKeyPolicy");
            return this;
        }

        public Builder identity(SshIdentity identity) {
            this.identities.add(Objects.requireNonNull(identity, "identity"));
            return this;
        }

        /** Shorthand for an unprotected key file. */
        public Builder identityFile(Path keyFile) {
            return identity(SshIdentity.keyFile(keyFile));
        }

        /** Offers the keys of the SSH agent (after the identity files). */
        public Builder useAgent(boolean useAgent) {
            this.useAgent = useAgent;
            return this;
        }

        /** The agent socket; default {@code SSH_AUTH_SOCK}. */
        public Builder agentSocket(Path socket) {
            this.agentSocket = socket;
            return this;
        }

        /** Enables password authentication with this password (off unless set). */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = timeout;
            return this;
        }

        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = interval;
            return this;
        }

        public Builder channelsPerConnection(int channels) {
            this.channelsPerConnection = channels;
            return this;
        }

        public SshOptions build() {
            return new SshOptions(this);
        }
    }
}
