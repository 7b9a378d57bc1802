// Reads cluster health and per-tier shard counts: the read-only half of the SDK from Groovy (2.4 syntax).
//   groovy -cp opsstack-all.jar cluster-report.groovy     (reads OPSSTACK_OPENSEARCH_URL, or the binding variable url)
import io.opsstack.opensearch.OpenSearchOps

def url = binding.variables.get('url') ?: System.getenv('OPSSTACK_OPENSEARCH_URL')
def os = OpenSearchOps.fromMap([endpoints: url.toString()])
try {
    def health = os.health()
    def tiers = [:]
    for (node in os.nodes()) {
        tiers[node.name()] = node.attributes().get('temp')
    }
    def shardsPerTier = [:]
    for (shard in os.shards()) {
        def tier = shard.node() == null ? 'unassigned' : (tiers[shard.node()] ?: 'none')
        shardsPerTier[tier] = (shardsPerTier[tier] ?: 0) + 1
    }
    println "cluster ${health.clusterName()} is ${health.status()}; shard copies per tier: ${shardsPerTier}"
    return [cluster: health.clusterName(), status: health.status().name(), shards_per_tier: shardsPerTier]
} finally {
    os.close()
}
