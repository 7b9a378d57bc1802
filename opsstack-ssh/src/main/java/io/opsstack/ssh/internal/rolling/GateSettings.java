package io.opsstack.ssh.internal.rolling;

import io.opsstack.api.error.OpsValidationException;

/** Validation shared by the built-in health gates. */
public final class GateSettings {

    private GateSettings() {
    }

    /** A gate name: non-blank, no whitespace (it appears in plans and errors). */
    public static String requireName(String name) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new OpsValidationException("a health gate name must be non-blank without spaces, was '" + name + "'");
        }
        return name;
    }
}
