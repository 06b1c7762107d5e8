package io.breachflow.workflow.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the {@link RuleBook} of the class path a CDI bean; {@link RuleBookPlanner} forces it at startup. */
public class RuleBookProducer {

    @Produces
    @Singleton
    RuleBook ruleBook() {
        return RuleBook.fromClassPath();
    }
}
