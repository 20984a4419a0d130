package io.reactord.sim;

/**
 * A value of DRBD's {@code quorum} or {@code quorum-minimum-redundancy} option: {@code off}, {@code majority},
 * {@code all} or a number.
 *
 * @param kind  which form
 * @param count the number for {@link Kind#NUMBER}, else 0
 */
public record QuorumSetting(Kind kind, int count) {

    /** The forms the option takes. */
    public enum Kind { OFF, MAJORITY, ALL, NUMBER }

    public static final QuorumSetting OFF = new QuorumSetting(Kind.OFF, 0);
    public static final QuorumSetting MAJORITY = new QuorumSetting(Kind.MAJORITY, 0);
    public static final QuorumSetting ALL = new QuorumSetting(Kind.ALL, 0);

    public QuorumSetting {
        if (kind == Kind.NUMBER && count < 1) {
            throw new IllegalArgumentException("quorum number must be >= 1, got " + count);
        }
    }

    /** A numeric setting. */
    public static QuorumSetting of(int n) {
        return new QuorumSetting(Kind.NUMBER, n);
    }

    /** Parses {@code off|majority|all|N}. */
    public static QuorumSetting parse(String text) {
        return switch (text) {
            case "off" -> OFF;
            case "majority" -> MAJORITY;
            case "all" -> ALL;
            default -> {
                try {
                    yield of(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("quorum must be off, majority, all or a number: " + text);
                }
            }
        };
    }

    /** The number of votes needed out of {@code voters}; 0 when off. */
    public int threshold(int voters) {
        return switch (kind) {
            case OFF -> 0;
            case MAJORITY -> voters / 2 + 1;
            case ALL -> voters;
            case NUMBER -> count;
        };
    }

    /** The word drbdsetup show prints. */
    public String word() {
        return kind == Kind.NUMBER ? Integer.toString(count) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
