/**
 * Internal: the layouts of flags files edited by {@link io.opsstack.victoria.ops.FileFlagSource}. Not
 * supported API; may change in any release. Stateless and thread-safe.
 */
package io.opsstack.victoria.internal.ops.flags;
