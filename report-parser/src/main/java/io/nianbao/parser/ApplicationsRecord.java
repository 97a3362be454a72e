package io.nianbao.parser;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.nianbao.parser.tables.ApplicationRow;
import io.nianbao.parser.tables.ApplicationsTable;
import io.nianbao.schema.Applications;
import io.nianbao.schema.Denied;
import io.nianbao.schema.NotProcessed;
import io.nianbao.schema.OtherHandling;
import io.nianbao.schema.Unavailable;

/**
 * Section 三 as the Avro {@link Applications}: a row of the template that was not found is 7 nulls (with a
 * warning), a row the template lacks is null unless the report printed it.
 */
final class ApplicationsRecord {
    private ApplicationsRecord() {
    }

    static Applications of(ApplicationsTable table, String template, ParseNotes notes) {
        List<ApplicationRow> templateRows = ApplicationRow.of(template);
        Function<ApplicationRow, List<Integer>> cells = row -> {
            if (!templateRows.contains(row)) {
                return null;
            }
            return table.row(row).map(Arrays::asList).orElseGet(() -> {
                notes.warn("Section 三 row " + row.path() + " was not found; its cells are null.");
                return Arrays.asList(new Integer[ApplicationRow.COLUMNS]);
            });
        };
        return Applications.newBuilder()
                .setNewApplications(cells.apply(ApplicationRow.NEW_APPLICATIONS))
                .setCarriedOver(cells.apply(ApplicationRow.CARRIED_OVER))
                .setGranted(cells.apply(ApplicationRow.GRANTED))
                .setPartiallyGranted(cells.apply(ApplicationRow.PARTIALLY_GRANTED))
                .setDenied(Denied.newBuilder()
                        .setStateSecret(cells.apply(ApplicationRow.STATE_SECRET))
                        .setLawProhibited(cells.apply(ApplicationRow.LAW_PROHIBITED))
                        .setThreeSecurityOneStability(cells.apply(ApplicationRow.THREE_SECURITY))
                        .setThirdPartyRights(cells.apply(ApplicationRow.THIRD_PARTY))
                        .setInternalAffairs(cells.apply(ApplicationRow.INTERNAL_AFFAIRS))
                        .setProcessInformation(cells.apply(ApplicationRow.PROCESS_INFORMATION))
                        .setEnforcementFiles(cells.apply(ApplicationRow.ENFORCEMENT_FILES))
                        .setQueryMatters(cells.apply(ApplicationRow.QUERY_MATTERS))
                        .build())
                .setUnavailable(Unavailable.newBuilder()
                        .setNotHeld(cells.apply(ApplicationRow.NOT_HELD))
                        .setNeedsCreation(cells.apply(ApplicationRow.NEEDS_CREATION))
                        .setStillUnclear(cells.apply(ApplicationRow.STILL_UNCLEAR))
                        .build())
                .setNotProcessed(NotProcessed.newBuilder()
                        .setComplaint(cells.apply(ApplicationRow.COMPLAINT))
                        .setDuplicate(cells.apply(ApplicationRow.DUPLICATE))
                        .setPublication(cells.apply(ApplicationRow.PUBLICATION))
                        .setExcessive(cells.apply(ApplicationRow.EXCESSIVE))
                        .setConfirmation(cells.apply(ApplicationRow.CONFIRMATION))
                        .build())
                .setOtherHandling(OtherHandling.newBuilder()
                        .setNoCorrection(cells.apply(ApplicationRow.NO_CORRECTION))
                        .setNoFee(cells.apply(ApplicationRow.NO_FEE))
                        .setOther(cells.apply(ApplicationRow.OTHER))
                        // A 2021 report may print （六） as the one row of 2019: it is kept as what it is, the total.
                        .setTotal(table.row(ApplicationRow.OTHER_TOTAL).map(Arrays::asList)
                                .orElseGet(() -> cells.apply(ApplicationRow.OTHER_TOTAL)))
                        .build())
                .setTotalProcessed(cells.apply(ApplicationRow.TOTAL_PROCESSED))
                .setCarriedForward(cells.apply(ApplicationRow.CARRIED_FORWARD))
                .build();
    }
}
