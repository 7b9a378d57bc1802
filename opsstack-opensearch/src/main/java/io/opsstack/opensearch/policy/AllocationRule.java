package io.opsstack.opensearch.policy;

import io.opsstack.api.error.OpsValidationException;
import java.util.Locale;

/** Which index-level allocation filter an allocation action sets: {@code index.routing.allocation.<rule>.<attribute>}. */
public enum AllocationRule {
    /** Every copy must be on a node whose attribute equals one of the values. */
    REQUIRE,
    /** Copies may only be on nodes whose attribute is one of the values. */
    INCLUDE,
    /** Copies must not be on nodes whose attribute is one of the values. */
    EXCLUDE;

    /** The name used in settings and in ISM ({@code require}, {@code include}, {@code exclude}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The index setting this rule writes for {@code attribute}. */
    public String indexSetting(String attribute) {
        return "index.routing.allocation." + apiName() + "." + attribute;
    }

    public static AllocationRule parse(String text) {
        for (AllocationRule rule : values()) {
            if (rule.apiName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return rule;
            }
        }
        throw new OpsValidationException("unknown allocation rule '" + text
                + "'; known: require, include, exclude");
    }
}
