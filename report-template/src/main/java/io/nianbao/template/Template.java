package io.nianbao.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nianbao.schema.Applications;
import io.nianbao.schema.ParsedReport;

/**
 * The two national templates of the annual report. They differ in section 二's columns and in section 三's （六）其他处理:
 * one row in 2019, three items in 2021. Sections 三's other rows and section 四 are the same in both.
 */
public enum Template {
    /** 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports. */
    Y2019("2019", "国办公开办函〔2019〕60号"),
    /** 国办公开办函〔2021〕30号, used from the 2021 reports on. */
    Y2021("2021", "国办公开办函〔2021〕30号");

    private final String code;
    private final String document;

    Template(String code, String document) {
        this.code = code;
        this.document = document;
    }

    /** As the reports' {@code template} field holds it: {@code 2019} or {@code 2021}. */
    public String code() {
        return code;
    }

    /** The notice that issued the template. */
    public String document() {
        return document;
    }

    public static Optional<Template> of(String code) {
        // A loop over the two, not a stream over a copy of values(): the parser asks this for every row it reads.
        for (Template template : ALL) {
            if (template.code.equals(code)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    private static final Template[] ALL = values();

    /** The template a code names, and the 2021 one for anything else (the one in force). */
    public static Template orCurrent(String code) {
        return of(code).orElse(Y2021);
    }

    /**
     * The section 三 layout a parsed report is checked against: its template, or when the template was not recognised,
     * the one its （六） rows show (a single otherHandling.total is 2019's) rather than a guessed year.
     */
    public static Template layoutOf(ParsedReport report) {
        Optional<Template> named = of(report.getTemplate());
        if (named.isPresent()) {
            return named.get();
        }
        Applications applications = report.getApplications();
        return applications != null && applications.getOtherHandling() != null
                && applications.getOtherHandling().getTotal() != null ? Y2019 : Y2021;
    }

    /** Every data row of section 三 in table order: 23 in 2019, 25 in 2021. */
    public List<ApplicationRow> applicationRows() {
        return Arrays.stream(ApplicationRow.values()).filter(row -> row.in(this)).toList();
    }

    /** The 办理结果 rows whose sum is （七）总计: 19 in 2019, 21 in 2021. */
    public List<ApplicationRow> resultRows() {
        return applicationRows().stream().filter(row -> row.kind() == ApplicationRow.Kind.RESULT).toList();
    }

    /** The columns the template prints for section 二's {@code row}, in order; empty when it does not print the row. */
    public List<ActiveField> activeFields(ActiveRow row) {
        return ActiveFields.OF.get(this).get(row);
    }

    /** Made once from {@link Table#active}: the parser asks for them for every row of every report. */
    private static final class ActiveFields {
        static final Map<Template, Map<ActiveRow, List<ActiveField>>> OF = new EnumMap<>(Template.class);

        static {
            for (Template template : Template.values()) {
                Map<ActiveRow, List<ActiveField>> fields = new EnumMap<>(ActiveRow.class);
                for (ActiveRow row : ActiveRow.values()) {
                    fields.put(row, Table.active(template).rows().stream()
                            .flatMap(printed -> printed.cells().stream()).map(ActiveCell.class::cast)
                            .filter(cell -> cell.row() == row).map(ActiveCell::column).toList());
                }
                OF.put(template, fields);
            }
        }
    }

    /** The template's tables as printed: 二, 三 and 四. */
    public List<Table> tables() {
        return List.of(Table.active(this), Table.applications(this), Table.cases());
    }

    /** Every identity the template's tables must satisfy. */
    public List<Identity> identities() {
        List<Identity> identities = new ArrayList<>();
        applicationRows().forEach(row -> identities.add(Identity.rowTotal(row)));
        for (ApplicantColumn column : ApplicantColumn.values()) {
            identities.add(Identity.columnBalance(column));
        }
        for (ApplicantColumn column : ApplicantColumn.values()) {
            identities.add(Identity.resultsSum(this, column));
        }
        for (CaseGroup group : CaseGroup.values()) {
            identities.add(Identity.caseTotal(group));
        }
        return List.copyOf(identities);
    }
}
