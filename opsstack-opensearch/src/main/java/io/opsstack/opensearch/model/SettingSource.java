package io.opsstack.opensearch.model;

/** Where the effective value of a cluster setting comes from. */
public enum SettingSource {
    /** Set transiently; wins over persistent and default values, lost on a full cluster restart. */
    TRANSIENT,
    /** Set persistently. */
    PERSISTENT,
    /** The server default (only known when the settings were read with defaults). */
    DEFAULT,
    /** Not set and no default was read. */
    UNSET
}
