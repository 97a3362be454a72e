package io.nianbao.gazetteer;

import java.util.List;

/**
 * Where an agency sits, as far as its name and the hints tell.
 *
 * <p>Codes and names are filled down to the most precise level found; when {@link Status#AMBIGUOUS}, only the
 * levels all candidates share are filled and {@code candidates} lists every candidate's code. {@code currentCode}
 * is the division's code in the latest bundled table when its name is a superseded one (孟津县 410322 →
 * 410308), else the resolved code. {@code notes} say why, in words a reader of the report understands;
 * {@code staleNames} are those of them that say a name was not in use in the report year, {@code hintUses} those that
 * say how a hint bore on the answer. {@link Status#UNRESOLVED} may still fill the province a hint names.
 */
public record Resolution(Status status, String provinceCode, String provinceName, String cityCode, String cityName,
        String countyCode, String countyName, String townCode, String townName, String currentCode,
        List<String> candidates, List<String> notes, List<StaleName> staleNames, List<HintUse> hintUses) {

    /**
     * A division name not in use in the report year (孟津县 in 2023, after it became 孟津区), one of {@code notes} as data.
     *
     * @param span when the NBS tables have the name, e.g. {@code in 2020}
     */
    public record StaleName(String name, String code, int year, String span) {

        /** The note as people read it. */
        public String sentence() {
            return name + " (" + code + ") is not a name in use in " + year + " by the NBS tables (they have it " + span
                    + ").";
        }
    }

    /**
     * How a hint given with the report bore on the division, one of {@code notes} as data.
     *
     * @param hint     the hint as given (「35」, 「350128」)
     * @param sentence the note as people read it
     */
    public record HintUse(Effect effect, String hint, String sentence) {

        public enum Effect {
            /** The hint chose among the divisions the report's words name. */
            NARROWED,
            /** The report's words name no division; the hint supplied it. */
            SUPPLIED,
            /** The report's words name a division outside the hint; the words are taken. */
            OVERRULED
        }
    }

    public enum Status {
        RESOLVED, AMBIGUOUS, UNRESOLVED;

        /** The value of {@code ParsedReport.division.status}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Resolution {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
        staleNames = List.copyOf(staleNames);
        hintUses = List.copyOf(hintUses);
    }

    /** The most precise code filled, or null when nothing is. */
    public String code() {
        return townCode != null ? townCode : countyCode != null ? countyCode : cityCode != null ? cityCode : provinceCode;
    }

    static Resolution unresolved(List<String> notes, List<StaleName> staleNames, List<HintUse> hintUses) {
        return new Resolution(Status.UNRESOLVED, null, null, null, null, null, null, null, null, null, List.of(), notes,
                staleNames, hintUses);
    }
}
