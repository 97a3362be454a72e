package io.nianbao.gazetteer;

/** The four levels of the NBS 统计用区划代码, told apart by the code's length. */
public enum Level {
    PROVINCE(2), CITY(4), COUNTY(6), TOWN(9);

    private final int codeLength;

    Level(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public static Level ofCode(String code) {
        for (Level level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a division code (2, 4, 6 or 9 digits): " + code);
    }
}
