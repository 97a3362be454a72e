package io.nianbao.rules.catalogue;

import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/** Section 五 (存在的主要问题及改进情况) is 「无」 or a few characters: the template asks for problems and fixes. */
public final class EmptyProblemsRule extends CatalogueRule {
    public static final String ID = "SEC5-EMPTY";

    /** Shorter than this (whitespace and punctuation aside), section 五 says nothing. */
    static final int MIN_CHARS = 10;

    public EmptyProblemsRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        String problems = report.getNarrative() == null ? null : report.getNarrative().getProblems();
        if (problems == null) {
            return List.of(Findings.notAssessable(this, List.of("narrative.problems"),
                    "第五部分未读出，无法核对其内容", "Section 五 was not read; its content cannot be checked"));
        }
        String content = problems.replaceAll("[\\s\\p{P}]", "");
        if (content.length() >= MIN_CHARS) {
            return List.of();
        }
        return List.of(Findings.failed(this, List.of("narrative.problems"), ">= " + MIN_CHARS + " chars",
                Integer.toString(content.length()),
                "第五部分「存在的主要问题及改进情况」几乎为空：「" + problems.strip() + "」",
                "Section 五 (problems and improvements) is nearly empty: 「" + problems.strip() + "」"));
    }
}
