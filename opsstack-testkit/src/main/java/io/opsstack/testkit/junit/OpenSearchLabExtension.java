package io.opsstack.testkit.junit;

import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.LabVersions;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/**
 * JUnit 5 extension for {@link SharedLabs}: closes the shared labs when the whole test run ends
 * (not after each class), and injects the shared lab into {@code OpenSearchLab} parameters.
 *
 * <pre>{@code
 * @ExtendWith(OpenSearchLabExtension.class)
 * @SharedLabConfig(topology = "hot-warm-cold")
 * class MyPipelineTest {
 *     @Test
 *     void createsDailyIndex(OpenSearchLab lab) { ... lab.httpEndpoint() ... }
 * }
 * }</pre>
 */
public final class OpenSearchLabExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchLabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedLabsCloser.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == OpenSearchLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedLabsCloser.class);
        SharedLabConfig config = configOf(extensionContext).orElse(null);
        String version = config == null || config.version().isEmpty() ? LabVersions.first() : config.version();
        LabTopology topology = config == null ? LabTopology.hotWarmCold() : LabTopology.named(config.topology());
        return SharedLabs.openSearch(version, topology);
    }

    private static Optional<SharedLabConfig> configOf(ExtensionContext context) {
        Optional<SharedLabConfig> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, SharedLabConfig.class));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        return context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, SharedLabConfig.class));
    }

    /** Stored in the root context, which JUnit closes once every test of the run has finished. */
    static final class SharedLabsCloser implements AutoCloseable {
        @Override
        public void close() {
            SharedLabs.closeAll();
        }
    }
}
