package io.reactord.events2;

/** The first word of an events2 line (after an optional timestamp). */
public enum Action {
    EXISTS("exists"),
    CREATE("create"),
    CHANGE("change"),
    DESTROY("destroy"),
    CALL("call"),
    RESPONSE("response"),
    RENAME("rename");

    private final String word;

    Action(String word) {
        this.word = word;
    }

    /** The word as drbdsetup prints it. */
    public String word() {
        return word;
    }

    /** The action for a word, or null when the word is not an events2 action. */
    public static Action of(String word) {
        switch (word) {
            case "exists": return EXISTS;
            case "create": return CREATE;
            case "change": return CHANGE;
            case "destroy": return DESTROY;
            case "call": return CALL;
            case "response": return RESPONSE;
            case "rename": return RENAME;
            default: return null;
        }
    }
}
