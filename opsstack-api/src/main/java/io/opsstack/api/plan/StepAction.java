package io.opsstack.api.plan;

import java.util.Locale;

/** What a planned step does to the system. */
public enum StepAction {
    NO_OP, READ, UPDATE_SETTING, EXCLUDE, INCLUDE, MOVE, RESTART, STOP, START, SWITCHOVER, FAILOVER,
    FLUSH, SNAPSHOT, DELETE, WAIT, EXEC, SYNC;

    /** Lower-case, dash-separated name used in summaries and rendered plans, e.g. {@code update-setting}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
