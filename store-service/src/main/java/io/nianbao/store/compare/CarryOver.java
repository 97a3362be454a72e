package io.nianbao.store.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.nianbao.store.domain.DocumentPaths;

/**
 * The carry-over chain between two consecutive years: the requests one year carried forward (四、结转下年度继续办理)
 * are the ones the next year carried over (二、上年结转), column by column (CARRY-CHAIN).
 *
 * @param carriedForward the earlier year's 结转下年度 row, seven columns (null where not read)
 * @param carriedOver    the later year's 上年结转 row
 * @param breaks         the columns (0–6) where both were read and differ
 */
public record CarryOver(int fromYear, int toYear, List<Integer> carriedForward, List<Integer> carriedOver,
        List<Integer> breaks) {
    static final String CARRIED_FORWARD = "applications.carriedForward";
    static final String CARRIED_OVER = "applications.carriedOver";
    private static final int COLUMNS = 7;

    /** Null when the years are not consecutive: a gap is no break in the chain, the link is unknown. */
    static CarryOver between(int fromYear, Map<String, Object> earlier, int toYear, Map<String, Object> later) {
        if (toYear != fromYear + 1) {
            return null;
        }
        List<Integer> forward = row(earlier, CARRIED_FORWARD);
        List<Integer> over = row(later, CARRIED_OVER);
        List<Integer> breaks = new ArrayList<>();
        for (int column = 0; column < COLUMNS; column++) {
            if (forward.get(column) != null && over.get(column) != null
                    && !Objects.equals(forward.get(column), over.get(column))) {
                breaks.add(column);
            }
        }
        return new CarryOver(fromYear, toYear, forward, over, breaks);
    }

    private static List<Integer> row(Map<String, Object> report, String path) {
        List<Integer> row = new ArrayList<>();
        for (int column = 0; column < COLUMNS; column++) {
            row.add(DocumentPaths.value(report, path + "[" + column + "]") instanceof Number n ? n.intValue() : null);
        }
        return row;
    }
}
