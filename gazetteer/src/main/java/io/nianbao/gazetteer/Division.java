package io.nianbao.gazetteer;

import java.util.Optional;

/**
 * One name a division carried in the NBS tables.
 *
 * @param code          NBS code: 2 (province), 4 (city), 6 (county, = GB/T 2260) or 9 (town) digits
 * @param name          the name as the table prints it
 * @param firstSnapshot year of the first NBS table (of those bundled) that has this code with this name
 * @param lastSnapshot  year of the last such table
 * @param successorCode for a county code dropped after {@code lastSnapshot}: the county that took over its towns
 *                      (孟津县 410322 → 孟津区 410308); otherwise null
 */
public record Division(String code, String name, int firstSnapshot, int lastSnapshot, String successorCode) {

    public Level level() {
        return Level.ofCode(code);
    }

    /** The code of the enclosing division, empty for a province. */
    public Optional<String> parentCode() {
        return switch (level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(code.substring(0, 2));
            case COUNTY -> Optional.of(code.substring(0, 4));
            case TOWN -> Optional.of(code.substring(0, 6));
        };
    }

    /** An NBS placeholder for a level that does not exist there (直辖市's 市辖区, 省直辖县级行政区划); never an agency's name. */
    public boolean isPlaceholder() {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }

    boolean within(String ancestorCode) {
        return code.startsWith(ancestorCode);
    }
}
