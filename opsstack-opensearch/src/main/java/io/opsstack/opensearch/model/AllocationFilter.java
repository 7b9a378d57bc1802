package io.opsstack.opensearch.model;

import java.util.Locale;

/** The three shard allocation filter kinds ({@code cluster.routing.allocation.<kind>.<attribute>}). */
public enum AllocationFilter {
    EXCLUDE, INCLUDE, REQUIRE;

    /** Built-in filter attributes; any custom node attribute name (e.g. {@code temp}) works as well. */
    public static final String BY_NAME = "_name";
    public static final String BY_IP = "_ip";
    public static final String BY_HOST_IP = "_host_ip";
    public static final String BY_PUBLISH_IP = "_publish_ip";
    public static final String BY_HOST = "_host";
    public static final String BY_ID = "_id";

    /** The cluster setting key for {@code attribute}, e.g. {@code _name} or a node attribute such as {@code temp}. */
    public String clusterKey(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("allocation filter attribute is empty");
        }
        return "cluster.routing.allocation." + name().toLowerCase(Locale.ROOT) + "." + attribute;
    }

    /** The index setting key for {@code attribute} ({@code index.routing.allocation.<kind>.<attribute>}). */
    public String indexKey(String attribute) {
        return "index." + clusterKey(attribute).substring("cluster.".length());
    }
}
