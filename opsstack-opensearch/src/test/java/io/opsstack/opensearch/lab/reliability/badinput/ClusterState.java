package io.opsstack.opensearch.lab.reliability.badinput;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import java.util.List;
import java.util.Map;

/**
 * What a refused operation must leave as it was, read with five cheap calls: persistent and transient
 * cluster settings, voting exclusions, the shard placement and settings of the test index, and the
 * indices named like it (a pre-create would add some).
 */
record ClusterState(Map<String, String> persistent, Map<String, String> transientSettings, List<String> votingExclusions,
                    List<String> placement, Map<String, String> indexSettings, List<String> indices) {

    static ClusterState read(OpenSearchOps os, String index) {
        ClusterSettings settings = os.clusterSettings(false);
        return new ClusterState(settings.persistent(), settings.transientSettings(),
                os.allocation().votingExclusions().stream().map(VotingExclusion::nodeName).sorted().toList(),
                os.shards(index).stream().map(ClusterState::placement).sorted().toList(),
                os.indexSettings(index).settings(),
                os.indices("badinput*").stream().map(row -> row.index() + ":" + row.status()).sorted().toList());
    }

    private static String placement(ShardRow row) {
        return row.index() + "[" + row.shard() + (row.primary() ? "p" : "r") + "] " + row.state() + " on " + row.node();
    }
}
