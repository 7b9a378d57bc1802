package io.opsstack.victoria.internal;

import io.opsstack.api.error.OpsValidationException;

/** Checks the API suffixes layouts append ({@code api/v1/query}). */
final class ApiSuffixes {

    private ApiSuffixes() {
    }

    static String check(String suffix) {
        if (suffix == null || suffix.isBlank() || suffix.contains("?") || suffix.contains("..")) {
            throw new OpsValidationException("not an API path suffix: '" + suffix + "'");
        }
        return suffix.startsWith("/") ? suffix.substring(1) : suffix;
    }
}
