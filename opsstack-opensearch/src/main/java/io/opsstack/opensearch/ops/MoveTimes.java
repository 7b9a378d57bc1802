package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import java.time.Duration;

/** Validation shared by the shard-moving requests. */
final class MoveTimes {

    private MoveTimes() {
    }

    static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException(name + " must be a positive duration, was " + value);
        }
    }
}
