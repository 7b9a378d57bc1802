package io.opsstack.patroni.internal.ops;

import io.opsstack.patroni.PatroniOps;

/** The target name of a Patroni operation, which is also its lease key: {@code patroni/<scope>}. */
final class Targets {

    private Targets() {
    }

    static String of(PatroniOps ops) {
        String scope = ops.cluster().scope();
        return "patroni/" + (scope == null ? ops.endpoints().get(0).getAuthority() : scope);
    }
}
