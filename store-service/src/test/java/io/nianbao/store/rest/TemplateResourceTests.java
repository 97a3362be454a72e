package io.nianbao.store.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.nianbao.store.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /api/template} is what the dashboard lays every report out by: tables, their blocks (section 二 prints one
 * per article item, each with its own columns), rows with the template's labels, and the stored cell's path at each
 * place. The literals here are the templates as printed (〔2021〕30号, 〔2019〕60号).
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class TemplateResourceTests {
    @Test
    void the2021TemplateHasSectionTwoInFourArticleBlocksAndSectionsThreeAndFourAsOneBlockEach() {
        given().queryParam("template", "2021").get("/api/template").then().statusCode(200)
                .body("key", contains("active", "applications", "cases"))
                .body("title", contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况"))
                .body("[0].blocks.heading", contains("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                        "第二十条第（八）项"))
                .body("[0].blocks[0].columns", contains("本年制发件数", "本年废止件数", "现行有效件数"))
                .body("[0].blocks[0].rows.label", contains("规章", "行政规范性文件"))
                .body("[0].blocks[0].rows[0].cells", contains("active.regulations.issued",
                        "active.regulations.repealed", "active.regulations.inForce"))
                .body("[1].blocks", hasSize(1))
                .body("[1].blocks[0].heading", nullValue())
                .body("[1].blocks[0].columns", contains("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                        "其他", "总计"))
                .body("[1].blocks[0].rows[0].label", is("一、本年新收政府信息公开申请数量"))
                .body("[1].blocks[0].rows[0].cells[6]", is("applications.newApplications[6]"))
                .body("[1].blocks[0].rows.find { it.label.endsWith('2.其他法律行政法规禁止公开') }.cells[0]",
                        is("applications.denied.lawProhibited[0]"))
                .body("[2].blocks[0].rows.label", contains("行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"))
                .body("[2].blocks[0].columns", contains("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
                .body("[2].blocks[0].rows[2].cells[4]", is("litigationAfterReview.total"));
    }

    @Test
    void the2019TemplateHasItsOwnSectionTwoAndTheCurrentOneIsServedWhenNoneIsNamed() {
        given().queryParam("template", "2019").get("/api/template").then().statusCode(200)
                .body("[0].blocks.heading", contains("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                        "第二十条第（八）项", "第二十条第（九）项"))
                .body("[0].blocks[0].columns", contains("本年新制作数量", "本年新公开数量", "对外公开总数量"))
                .body("[0].blocks[4].columns", contains("采购项目数量", "采购总金额"));
        given().get("/api/template").then().statusCode(200)
                .body("[0].blocks", hasSize(4))
                .body("[0].blocks[0].rows[1].label", is("行政规范性文件"));
    }
}
