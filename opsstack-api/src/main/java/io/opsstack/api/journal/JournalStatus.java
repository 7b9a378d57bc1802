package io.opsstack.api.journal;

/** Where an operation stands according to its journal. */
public enum JournalStatus {
    /** The journal knows nothing about the operation id. */
    NEW,
    /** An apply began and has not recorded an end: it is running, or it crashed (then resume it). */
    RUNNING,
    SUCCEEDED,
    FAILED
}
