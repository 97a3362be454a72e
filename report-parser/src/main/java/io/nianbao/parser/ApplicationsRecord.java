package io.nianbao.parser;

import java.util.Arrays;
import java.util.List;

import io.nianbao.parser.tables.ApplicationsTable;
import io.nianbao.schema.Applications;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;

/**
 * Section 三 as the Avro {@link Applications}: a row of the template that was not found is 7 nulls (with a
 * warning), a row the template lacks is null unless the report printed it.
 */
final class ApplicationsRecord {
    private ApplicationsRecord() {
    }

    static Applications of(ApplicationsTable table, String template, ParseNotes notes) {
        List<ApplicationRow> templateRows = Template.orCurrent(template).applicationRows();
        return ApplicationRow.record(row -> {
            if (!templateRows.contains(row)) {
                // A 2021 report may print （六） as the one row of 2019: it is kept as what it is, the total.
                return row == ApplicationRow.OTHER_TOTAL ? table.row(row).map(Arrays::asList).orElse(null) : null;
            }
            return table.row(row).map(Arrays::asList).orElseGet(() -> {
                notes.warn("Section 三 row " + row.key() + " was not found; its cells are null.");
                return Arrays.asList(new Integer[ApplicationRow.COLUMNS]);
            });
        });
    }
}
