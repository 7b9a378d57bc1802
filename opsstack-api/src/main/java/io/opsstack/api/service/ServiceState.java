package io.opsstack.api.service;

/** What a service manager says about a node's process. */
public enum ServiceState {
    ACTIVE, ACTIVATING, DEACTIVATING, INACTIVE, FAILED, UNKNOWN
}
