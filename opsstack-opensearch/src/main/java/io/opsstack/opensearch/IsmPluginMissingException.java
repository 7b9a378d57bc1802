package io.opsstack.opensearch;

/**
 * The cluster has no Index State Management plugin ({@value #PLUGIN}): its {@code _plugins/_ism}
 * endpoints do not exist. Install the plugin, or run the tier policy with the opsstack tier runner
 * ({@code OpenSearchOps.tierRun}).
 */
public class IsmPluginMissingException extends OpenSearchServiceException {
    private static final long serialVersionUID = 1L;

    /** The plugin's name as {@code _cat/plugins} lists it. */
    public static final String PLUGIN = "opensearch-index-management";

    public IsmPluginMissingException(String call, OpenSearchServiceException cause) {
        super("the cluster has no Index State Management plugin (" + PLUGIN + "): " + call + " answered HTTP "
                        + cause.statusCode() + " '" + cause.errorReason() + "'. Install " + PLUGIN
                        + " on every node, or run the tier policy with OpenSearchOps.tierRun",
                cause, cause.target().orElse(null), cause.statusCode(), cause.errorType(), cause.errorReason(),
                cause.bodyExcerpt());
    }

    /** Always {@value #PLUGIN}. */
    public String plugin() {
        return PLUGIN;
    }
}
