package io.nianbao.validate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.nianbao.rules.RuleEngine;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RulesResourceTests {

    @Test
    void theCatalogueListsTheRulesVersionAndEveryRuleWithItsSeverity() {
        given().when().get("/api/rules").then()
                .statusCode(200)
                .body("rulesVersion", is(RuleEngine.RULES_VERSION))
                .body("rules.id", hasItems("S3-BALANCE", "S3-ROWTOTAL", "S3-RESULTS", "S4-TOTAL", "NUM-DOMAIN",
                        "PARSE-INCOMPLETE"))
                .body("rules.find { it.id == 'PARSE-INCOMPLETE' }.severity", is("WARN"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
