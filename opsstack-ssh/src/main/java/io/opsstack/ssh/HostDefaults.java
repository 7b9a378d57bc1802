package io.opsstack.ssh;

import java.io.Serializable;

import io.opsstack.api.error.OpsValidationException;

/**
 * SSH settings for inventory hosts that do not set their own.
 *
 * @param keyFile the private key, or null for the executor's identities
 */
public record HostDefaults(int port, String user, String keyFile) implements Serializable {

    public HostDefaults {
        if (port < 1 || port > 65535) {
            throw new OpsValidationException("default SSH port must be 1-65535, was " + port);
        }
        if (user == null || user.isBlank()) {
            throw new OpsValidationException("default SSH user must not be blank");
        }
    }

    /** Port 22, the current OS user, no key file. */
    public static HostDefaults standard() {
        return new HostDefaults(SshTarget.DEFAULT_PORT, System.getProperty("user.name"), null);
    }
}
