// Plans and applies a tier move with the all-in-one jar. Groovy 2.4 syntax on purpose (Jenkins):
// no try-with-resources, no lambdas; maps in, maps out.
//   groovy -cp opsstack-all.jar tier-move.groovy
// Settings: the binding variables url, index, tier, journalDir, or the environment variables
// OPSSTACK_OPENSEARCH_URL, OPS_INDEX, OPS_TIER (journalDir defaults to ~/.opsstack/journal).
import io.opsstack.api.event.ProgressListeners
import io.opsstack.api.operation.ApplyOptions
import io.opsstack.api.plan.Plan
import io.opsstack.opensearch.OpenSearchOps

def setting(String name, String envName) {
    def value = binding.variables.get(name) ?: System.getenv(envName)
    if (!value) {
        throw new IllegalArgumentException("set ${name} (or the environment variable ${envName})")
    }
    return value.toString()
}

def os = OpenSearchOps.fromMap([endpoints: setting('url', 'OPSSTACK_OPENSEARCH_URL')])
try {
    def move = os.tierMove([indices: setting('index', 'OPS_INDEX'), tier: setting('tier', 'OPS_TIER')])
    Plan plan = move.plan()
    println plan.render()
    def options = [listener: ProgressListeners.printStream(System.out)]
    if (binding.variables.get('journalDir')) {
        options.journalDir = binding.variables.get('journalDir').toString()
    }
    def result = move.apply(plan, ApplyOptions.fromMap(options))
    println "${result.operation()} ${result.status()} (operation id ${result.operationId()})"
    return result.toMap()
} finally {
    os.close()
}
