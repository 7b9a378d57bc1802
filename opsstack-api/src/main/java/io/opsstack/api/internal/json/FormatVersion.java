package io.opsstack.api.internal.json;

import io.opsstack.api.error.OpsValidationException;

/**
 * Checks a document's {@code format_version} ("major.minor"): a higher major is refused, a higher
 * minor is read (minor versions only add fields, which readers ignore).
 */
public final class FormatVersion {

    public static final String CURRENT = "1.0";
    public static final String KEY = "format_version";
    private static final int SUPPORTED_MAJOR = 1;

    private FormatVersion() {
    }

    public static void check(String version, String what) {
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        int parsed;
        try {
            parsed = Integer.parseInt(major);
        } catch (NumberFormatException e) {
            throw new OpsValidationException(what + " has a malformed " + KEY + " '" + version + "'");
        }
        if (parsed > SUPPORTED_MAJOR) {
            throw new OpsValidationException(what + " has " + KEY + " " + version
                    + ", which this opsstack version cannot read (it reads " + SUPPORTED_MAJOR
                    + ".x); use a newer opsstack");
        }
        if (parsed < 1) {
            throw new OpsValidationException(what + " has an unknown " + KEY + " '" + version + "'");
        }
    }
}
