package io.nianbao.validate.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.nianbao.rules.RuleEngine;

/** The rule engine is plain Java (module report-rules); one stateless instance serves the whole service. */
public class RuleEngineProducer {

    @Produces
    @Singleton
    RuleEngine ruleEngine() {
        return new RuleEngine();
    }
}
