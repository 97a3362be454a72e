package io.nianbao.rules;

import java.util.List;
import java.util.Set;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * One check of the catalogue in DOMAIN.md §6. A rule never treats a null (unread) value as 0: an identity
 * whose inputs were not read yields a NOT_ASSESSABLE finding, never a FAILED one.
 */
public interface Rule {

    /** The stable id of DOMAIN.md §6 (S3-BALANCE …); alerts and stored findings refer to it. */
    String id();

    /** Every rule id its findings carry: its own, and any other it names a kind of finding by. */
    default Set<String> findingIds() {
        return Set.of(id());
    }

    /** The severity of a FAILED finding of this rule (the highest, for a rule whose findings differ). */
    Severity severity();

    /** @return one finding per failed or not assessable instance of the check; empty when the report passes */
    List<Finding> evaluate(ParsedReport report);

    /** Year-to-year rules override this; every other rule judges the report alone. */
    default List<Finding> evaluate(ParsedReport report, History history) {
        return evaluate(report);
    }

    /**
     * The parts of the history this rule's findings depend on: none for a rule that judges the report alone. A rule
     * overriding {@link #evaluate(ParsedReport, History)} names what it reads there: a report judged again because
     * one part of its history changed is judged again by the rules that read it, the others' findings kept.
     */
    default Set<History.Part> reads() {
        return Set.of();
    }
}
