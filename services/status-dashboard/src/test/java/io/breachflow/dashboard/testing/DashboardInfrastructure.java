package io.breachflow.dashboard.testing;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The real infrastructure of every {@code @QuarkusTest} here: a Kafka broker with Breachflow's topics and a
 * fresh PostgreSQL database ({@code dashboard_test_*}, dropped afterwards). One annotation, so that all test
 * classes share one application start.
 */
@QuarkusTestResource(value = InfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "dashboard_test"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DashboardInfrastructure {
}
