/**
 * JSON for the operation model (plans, journal entries, event lines); the only place Jackson is used.
 *
 * <p>Internal: not supported API, may change in any release.
 */
package io.opsstack.api.internal.json;
