package io.opsstack.api.secret;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (password, token, passphrase, API key). Deliberately not a record: its
 * {@code toString()} never shows the value, nor does serialisation keep it.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.toCharArray());
    }

    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value);
    }

    /** Reads a secret from an environment variable; fails clearly when it is unset. */
    public static Secret fromEnv(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return of(value);
    }

    /** The clear value; call only where it is sent to the system it authenticates against. */
    public String reveal() {
        if (value == null) {
            throw new IllegalStateException("secret values are not serialised; supply the secret again");
        }
        return new String(value);
    }

    public char[] revealChars() {
        if (value == null) {
            throw new IllegalStateException("secret values are not serialised; supply the secret again");
        }
        return value.clone();
    }

    @Override
    public String toString() {
        return Redaction.MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
