package io.opsstack.ssh.rolling;

/** How a rolling restart cycles a node's service. */
public enum RestartMethod {
    /** Separate stop and start steps (the plan shows both; a resume after a crash between them starts the node). */
    STOP_START,
    /** One restart step through {@link io.opsstack.api.service.ServiceControl#restart}. */
    RESTART
}
