package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/** One SSH login: host (name or address), port and user. */
public record SshTarget(String host, int port, String user) implements Serializable {
    public static final int DEFAULT_PORT = 22;

    public SshTarget {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new OpsValidationException("SSH host must be a non-blank name without spaces, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new OpsValidationException("SSH port must be 1-65535, was " + port, host);
        }
        if (user == null || user.isBlank() || user.chars().anyMatch(Character::isWhitespace)) {
            throw new OpsValidationException("SSH user must be non-blank without spaces, was '" + user + "'", host);
        }
    }

    /** {@code user@host} on port 22. */
    public static SshTarget of(String host, String user) {
        return new SshTarget(host, DEFAULT_PORT, user);
    }

    /**
     * Parses {@code [user@]host[:port]} (IPv6 addresses in brackets: {@code [::1]:2222}); the user
     * defaults to the current OS user, the port to 22.
     */
    public static SshTarget parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new OpsValidationException("SSH target must be [user@]host[:port], was '" + spec + "'");
        }
        String rest = spec.trim();
        String user = System.getProperty("user.name");
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        int port = DEFAULT_PORT;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new OpsValidationException("unbalanced '[' in SSH target '" + spec + "'");
            }
            host = rest.substring(1, close);
            String tail = rest.substring(close + 1);
            if (tail.startsWith(":")) {
                port = parsePort(tail.substring(1), spec);
            } else if (!tail.isEmpty()) {
                throw new OpsValidationException("unexpected '" + tail + "' in SSH target '" + spec + "'");
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = parsePort(rest.substring(rest.indexOf(':') + 1), spec);
        }
        return new SshTarget(host, port, user);
    }

    /** Same host and port, another user. */
    public SshTarget withUser(String otherUser) {
        return new SshTarget(host, port, otherUser);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", host);
        map.put("port", port);
        map.put("user", user);
        return map;
    }

    /** {@code user@host:port}. */
    @Override
    public String toString() {
        return user + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static int parsePort(String text, String spec) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new OpsValidationException("SSH port must be a number in '" + spec + "'");
        }
    }
}
