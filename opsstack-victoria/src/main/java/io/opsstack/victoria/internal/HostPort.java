package io.opsstack.victoria.internal;

import io.opsstack.api.error.OpsValidationException;

/** {@code host:port} addresses as VictoriaMetrics flags write them ({@code -storageNode=node140:8400}). */
public final class HostPort {

    private HostPort() {
    }

    /** Checks {@code host:port} (IPv6 in brackets) and returns it trimmed. */
    public static String require(String address, String what) {
        if (address == null || address.isBlank()) {
            throw new OpsValidationException(what + " must be host:port, was empty");
        }
        String trimmed = address.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1 || trimmed.contains("/")) {
            throw new OpsValidationException(what + " must be host:port, was '" + trimmed + "'");
        }
        port(trimmed.substring(colon + 1), what + " '" + trimmed + "'");
        return trimmed;
    }

    /** The host part of a checked {@code host:port}. */
    public static String host(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The host part as written in an address (IPv6 keeps its brackets). */
    public static String hostLiteral(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    /**
     * An address from a {@code -storageNode} list with the port VictoriaMetrics adds when it is
     * missing ({@code 8400} on vminsert, {@code 8401} on vmselect).
     */
    public static String withDefaultPort(String address, int defaultPort) {
        String trimmed = address.trim();
        boolean bracketedWithoutPort = trimmed.startsWith("[") && trimmed.endsWith("]");
        boolean hasPort = !bracketedWithoutPort && trimmed.indexOf(':') > 0
                && (trimmed.indexOf(':') == trimmed.lastIndexOf(':') || trimmed.startsWith("["));
        return hasPort ? trimmed : trimmed + ":" + defaultPort;
    }

    /** Parses a TCP port 1..65535. */
    public static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text.trim());
            return checkPort(port, what);
        } catch (NumberFormatException e) {
            throw new OpsValidationException(what + ": port '" + text + "' is not a number");
        }
    }

    public static int checkPort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new OpsValidationException(what + ": port " + port + " is outside 1..65535");
        }
        return port;
    }
}
