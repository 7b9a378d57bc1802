package io.opsstack.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Redaction;
import io.opsstack.ssh.internal.ShellQuoting;

/**
 * A remote command: an argument list quoted for the POSIX shell ({@link #of(String...)}), or an
 * explicit shell script ({@link #shell(String)}), plus how to run it (sudo, environment, working
 * directory, stdin, timeout, output limits, accepted exit codes) and which strings to mask.
 *
 * <p>Immutable; derive variants with {@link #toBuilder()}. Not a record and not serialisable
 * because it may hold secrets; {@link #toString()} and {@link #display()} are masked.
 */
public final class Command {
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> arguments;
    private final String script;
    private final boolean sudo;
    private final String sudoUser;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final byte[] stdin;
    private final Duration timeout;
    private final int maxStdoutBytes;
    private final int maxStderrBytes;
    private final boolean check;
    private final Set<Integer> allowedExitCodes;
    private final List<String> masks;

    private Command(Builder b) {
        if (b.arguments.isEmpty() == (b.script == null)) {
            throw new OpsValidationException("a command needs either arguments or a shell script");
        }
        if (b.script != null && b.script.isBlank()) {
            throw new OpsValidationException("shell script must not be blank");
        }
        for (String argument : b.arguments) {
            if (argument == null || argument.indexOf('\0') >= 0) {
                throw new OpsValidationException("command arguments must be non-null and free of NUL characters");
            }
        }
        if (b.maxStdoutBytes < 0 || b.maxStderrBytes < 0) {
            throw new OpsValidationException("output limits must not be negative");
        }
        if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
            throw new OpsValidationException("command timeout must be positive");
        }
        this.arguments = List.copyOf(b.arguments);
        this.script = b.script;
        this.sudo = b.sudo;
        this.sudoUser = b.sudoUser;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.workingDirectory = b.workingDirectory;
        this.stdin = b.stdin == null ? null : b.stdin.clone();
        this.timeout = b.timeout;
        this.maxStdoutBytes = b.maxStdoutBytes;
        this.maxStderrBytes = b.maxStderrBytes;
        this.check = b.check;
        this.allowedExitCodes = Set.copyOf(b.allowedExitCodes);
        this.masks = List.copyOf(b.masks);
    }

    /** An argument list, each argument quoted: {@code Command.of("systemctl", "restart", "opensearch")}. */
    public static Command of(String... arguments) {
        return builder().args(arguments).build();
    }

    public static Command of(List<String> arguments) {
        return builder().args(arguments).build();
    }

    /** A shell script passed to the remote shell as written; the caller is responsible for its quoting. */
    public static Command shell(String script) {
        return builder().shell(script).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.arguments.addAll(arguments);
        b.script = script;
        b.sudo = sudo;
        b.sudoUser = sudoUser;
        b.environment.putAll(environment);
        b.workingDirectory = workingDirectory;
        b.stdin = stdin;
        b.timeout = timeout;
        b.maxStdoutBytes = maxStdoutBytes;
        b.maxStderrBytes = maxStderrBytes;
        b.check = check;
        b.allowedExitCodes.clear();
        b.allowedExitCodes.addAll(allowedExitCodes);
        b.masks.addAll(masks);
        return b;
    }

    /**
     * The line the remote login shell runs (the executor prefixes a run-marker variable used to kill
     * the command on timeout). It contains unmasked secrets: pass it only to the SSH channel, never
     * to logs or exceptions (use {@link #display()}).
     */
    public String commandLine() {
        StringBuilder line = new StringBuilder();
        if (workingDirectory != null) {
            line.append("cd ").append(ShellQuoting.quote(workingDirectory)).append(" && ");
        }
        List<String> prefix = new ArrayList<>();
        if (sudo) {
            prefix.addAll(List.of("sudo", "-n"));
            if (sudoUser != null) {
                prefix.addAll(List.of("-u", sudoUser));
            }
            prefix.add("--");
        }
        if (!environment.isEmpty()) {
            prefix.add("env");
            environment.forEach((name, value) -> prefix.add(name + "=" + value));
        }
        if (script != null && prefix.isEmpty()) {
            return line.append(script).toString();
        }
        List<String> words = new ArrayList<>(prefix);
        if (script != null) {
            words.addAll(List.of("sh", "-c", script));
        } else {
            words.addAll(arguments);
        }
        // exec: the command replaces the login shell, so a signal on timeout reaches it directly
        return line.append("exec ").append(ShellQuoting.join(words)).toString();
    }

    /** The command line with masked strings and recognisable secrets replaced by {@code ****}. */
    public String display() {
        return Redaction.redact(mask(commandLine()));
    }

    /** Replaces every string given to {@link Builder#redact(String...)} by {@code ****}; null stays null. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : masks) {
            out = out.replace(secret, Redaction.MASK);
        }
        return out;
    }

    /** True if this exit code counts as success (always true with {@code check(false)}). */
    public boolean accepts(int exitCode) {
        return !check || allowedExitCodes.contains(exitCode);
    }

    /** The argument list; empty for a shell script. */
    public List<String> arguments() {
        return arguments;
    }

    /** The shell script, or null for an argument list. */
    public String script() {
        return script;
    }

    public boolean sudo() {
        return sudo;
    }

    /** The sudo target user, or null for root. */
    public String sudoUser() {
        return sudoUser;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The remote working directory, or null for the login directory. */
    public String workingDirectory() {
        return workingDirectory;
    }

    /** Bytes written to the command's stdin (then closed), or null for an empty stdin. */
    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    /** The command's own timeout, or null for the executor default. */
    public Duration timeout() {
        return timeout;
    }

    public int maxStdoutBytes() {
        return maxStdoutBytes;
    }

    public int maxStderrBytes() {
        return maxStderrBytes;
    }

    public boolean check() {
        return check;
    }

    public Set<Integer> allowedExitCodes() {
        return allowedExitCodes;
    }

    @Override
    public String toString() {
        return "Command[" + display() + "]";
    }

    /** Builder of {@link Command}; defaults: no sudo, 1 MiB per output stream, only exit code 0 accepted. */
    public static final class Builder {
        private final List<String> arguments = new ArrayList<>();
        private String script;
        private boolean sudo;
        private String sudoUser;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String workingDirectory;
        private byte[] stdin;
        private Duration timeout;
        private int maxStdoutBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private int maxStderrBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private boolean check = true;
        private final Set<Integer> allowedExitCodes = new LinkedHashSet<>(Set.of(0));
        private final List<String> masks = new ArrayList<>();

        private Builder() {
        }

        /** Replaces the argument list (and any shell script). */
        public Builder args(String... words) {
            return args(Arrays.asList(words));
        }

        public Builder args(List<String> words) {
            arguments.clear();
            arguments.addAll(words);
            script = null;
            return this;
        }

        /** Replaces the command by a shell script (and clears the argument list). */
        public Builder shell(String shellScript) {
            arguments.clear();
            script = Objects.requireNonNull(shellScript, "script");
            return this;
        }

        /** Runs through non-interactive {@code sudo -n} as root. */
        public Builder sudo() {
            return sudo(true);
        }

        public Builder sudo(boolean enabled) {
            this.sudo = enabled;
            if (!enabled) {
                this.sudoUser = null;
            }
            return this;
        }

        /** Runs through {@code sudo -n -u user}. */
        public Builder sudoUser(String user) {
            this.sudo = true;
            this.sudoUser = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder env(String name, String value) {
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw new OpsValidationException("invalid environment variable name '" + name + "'");
            }
            environment.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder workingDirectory(String directory) {
            this.workingDirectory = directory;
            return this;
        }

        public Builder stdin(byte[] bytes) {
            this.stdin = bytes == null ? null : bytes.clone();
            return this;
        }

        public Builder timeout(Duration commandTimeout) {
            this.timeout = commandTimeout;
            return this;
        }

        /** Bounds the captured stdout and stderr each; beyond it the text ends with a truncation marker. */
        public Builder maxOutputBytes(int bytes) {
            this.maxStdoutBytes = bytes;
            this.maxStderrBytes = bytes;
            return this;
        }

        public Builder maxStdoutBytes(int bytes) {
            this.maxStdoutBytes = bytes;
            return this;
        }

        public Builder maxStderrBytes(int bytes) {
            this.maxStderrBytes = bytes;
            return this;
        }

        /** With false, any exit code is returned as a result instead of raising {@link RemoteCommandException}. */
        public Builder check(boolean enabled) {
            this.check = enabled;
            return this;
        }

        /** Exit codes that count as success besides 0. */
        public Builder allowExitCodes(int... codes) {
            for (int code : codes) {
                allowedExitCodes.add(code);
            }
            return this;
        }

        /** Strings masked as {@code ****} in the displayed command, captured output, listener lines and errors. */
        public Builder redact(String... secretsToMask) {
            for (String secret : secretsToMask) {
                if (secret != null && !secret.isEmpty()) {
                    masks.add(secret);
                }
            }
            return this;
        }

        public Command build() {
            return new Command(this);
        }
    }
}
