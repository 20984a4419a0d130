package io.reactord.config;

/**
 * One umh match condition: the field's value must equal ({@link Op#EQUALS}) or differ from
 * ({@link Op#NOT_EQUALS}) {@code value}. Values are canonical text: DRBD state names as DRBD spells
 * them ({@code Primary}, {@code UpToDate}), {@code true}/{@code false}, decimal integers.
 */
public record Filter(Op op, String value) {

    /** The comparison; TOML spells it {@code Equals} or {@code NotEquals}. */
    public enum Op {
        EQUALS("Equals"),
        NOT_EQUALS("NotEquals");

        private final String toml;

        Op(String toml) {
            this.toml = toml;
        }

        public String tomlValue() {
            return toml;
        }

        public static Op parse(String s) {
            return Choices.parse(Op.class, s, Op::tomlValue);
        }
    }

    /** True when {@code actual} (canonical text) satisfies this filter. */
    public boolean matches(String actual) {
        boolean eq = value.equals(actual);
        return op == Op.EQUALS ? eq : !eq;
    }
}
