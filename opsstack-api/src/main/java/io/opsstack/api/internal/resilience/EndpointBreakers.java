package io.opsstack.api.internal.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.opsstack.api.http.CircuitBreakerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Resilience4j circuit breaker per endpoint, named {@code opsstack.<service>.<host:port>}.
 * A caller takes a permission before each attempt and then records how it went (or releases it).
 * With a disabled policy every call is permitted and nothing is recorded.
 */
public final class EndpointBreakers {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointBreakers.class);

    private final String serviceName;
    private final CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public EndpointBreakers(String serviceName, CircuitBreakerPolicy policy) {
        this.serviceName = serviceName;
        this.config = policy.enabled() ? CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .minimumNumberOfCalls(policy.minimumCalls())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.windowSize())
                .waitDurationInOpenState(policy.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build() : null;
    }

    /** The breaker name for an endpoint given as {@code host:port}. */
    public String breakerName(String hostPort) {
        return "opsstack." + serviceName + "." + hostPort;
    }

    /** False when the endpoint's breaker is open (or its half-open trial is taken): do not call it. */
    public boolean tryAcquire(String hostPort) {
        return config == null || breaker(hostPort).tryAcquirePermission();
    }

    /**
     * Records the outcome of a permitted call.
     *
     * @param endpointFailure true for connection errors, timeouts and 5xx answers
     */
    public void record(String hostPort, long durationNanos, boolean endpointFailure, String cause) {
        if (config == null) {
            return;
        }
        CircuitBreaker breaker = breaker(hostPort);
        if (endpointFailure) {
            breaker.onError(durationNanos, TimeUnit.NANOSECONDS, new EndpointFailure(cause));
        } else {
            breaker.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Gives back a permission whose call was abandoned (e.g. interrupted) without an outcome. */
    public void release(String hostPort) {
        if (config != null) {
            breaker(hostPort).releasePermission();
        }
    }

    private CircuitBreaker breaker(String hostPort) {
        return breakers.computeIfAbsent(hostPort, key -> {
            CircuitBreaker breaker = CircuitBreaker.of(breakerName(key), config);
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    LOG.warn("circuit breaker {} opened: calls to {} fail fast for now", event.getCircuitBreakerName(), key);
                } else {
                    LOG.info("circuit breaker {} changed {}", event.getCircuitBreakerName(), event.getStateTransition());
                }
            });
            return breaker;
        });
    }

    /** What the breaker records for a failed call; carries no stack trace since it is never thrown. */
    private static final class EndpointFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndpointFailure(String cause) {
            super(cause, null, false, false);
        }
    }
}
