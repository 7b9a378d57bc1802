package io.opsstack.testkit.fault;

/** What a {@link FaultProxy} does instead of (or on top of) forwarding faithfully. */
public enum FaultKind {
    /** Resets (TCP RST) a newly accepted connection before any request is read. */
    RESET_ON_CONNECT,
    /** Reads the request, does not forward it, and resets the connection: the server never saw it. */
    RESET_BEFORE_FORWARD,
    /**
     * Forwards the request, waits for the server's whole answer, drops it and resets the connection:
     * the server executed the request but the client saw only a reset.
     */
    RESET_AFTER_FORWARD,
    /** Waits the given latency, then forwards the request. */
    LATENCY,
    /** Reads the request and never answers it; the connection stays open until the client gives up. */
    STALL,
    /** Answers with a synthetic HTTP status (e.g. 429 with {@code Retry-After}, 502, 503) without forwarding. */
    RESPOND
}
