package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TomlParserTest {

    private static TomlNode.Table parse(String s) throws TomlParser.SyntaxError {
        return TomlParser.parse(s);
    }

    private static TomlNode.Table table(TomlNode.Table t, String key) {
        return (TomlNode.Table) t.entries.get(key).value();
    }

    private static TomlParser.SyntaxError error(String s) {
        return assertThrows(TomlParser.SyntaxError.class, () -> TomlParser.parse(s));
    }

    @Test
    void parse_scalars_haveTypesAndLines() throws Exception {
        TomlNode.Table t = parse("a = \"x\\ty\\u00e9\"\nb = 'C:\\path'\nc = 1_000\nd = 0x10\n"
                + "e = 1.5e3\nf = true\ng = 1979-05-27T07:32:00Z\nh = 0o17\ni = 0b101\nj = inf\nk = 1979-05-27 07:32:00\n");
        assertEquals("x\ty\u00e9", t.entries.get("a").value());
        assertEquals("C:\\path", t.entries.get("b").value());
        assertEquals(1000L, t.entries.get("c").value());
        assertEquals(16L, t.entries.get("d").value());
        assertEquals(1500.0, t.entries.get("e").value());
        assertEquals(true, t.entries.get("f").value());
        assertEquals("date-time", t.entries.get("g").typeName());
        assertEquals(15L, t.entries.get("h").value());
        assertEquals(5L, t.entries.get("i").value());
        assertEquals(Double.POSITIVE_INFINITY, t.entries.get("j").value());
        assertEquals("date-time", t.entries.get("k").typeName());
        assertEquals(5, t.entries.get("e").line());
    }

    @Test
    void parse_multiLineStrings() throws Exception {
        TomlNode.Table t = parse("a = \"\"\"\nline1\nline2 \\\n   joined\"\"\"\nb = '''\nraw \\n'''\nc = 1\n");
        assertEquals("line1\nline2 joined", t.entries.get("a").value());
        assertEquals("raw \\n", t.entries.get("b").value());
        assertEquals(7, t.entries.get("c").line());
    }

    @Test
    void parse_dottedKeysAndInlineTables_buildNestedTables() throws Exception {
        TomlNode.Table t = parse("old.role = { operator = \"NotEquals\", value = \"Primary\" }\n"
                + "new.role.operator = \"Equals\"\nnew.role.value = \"Secondary\"\n\"quoted.key\" = 1\n");
        TomlNode.Table oldRole = table(table(t, "old"), "role");
        assertEquals("NotEquals", oldRole.entries.get("operator").value());
        assertEquals("Secondary", table(table(t, "new"), "role").entries.get("value").value());
        assertEquals(3, table(table(t, "new"), "role").entries.get("value").line());
        assertTrue(t.entries.containsKey("quoted.key"));
    }

    @Test
    void parse_arrayOfTablesAndSubTables_attachToLastElement() throws Exception {
        TomlNode.Table t = parse("[[promoter]]\n[promoter.resources.a]\nstart = []\n[[promoter]]\n[promoter.resources.b]\n");
        TomlNode.Array arr = (TomlNode.Array) t.entries.get("promoter").value();
        assertTrue(arr.ofTables);
        assertEquals(2, arr.items.size());
        assertEquals(List.of("b"), List.copyOf(table((TomlNode.Table) arr.items.get(1).value(), "resources").entries.keySet()));
        assertEquals(4, arr.items.get(1).line());
        assertEquals(5, table((TomlNode.Table) arr.items.get(1).value(), "resources").line);
    }

    @Test
    void parse_inlineArrayOfTables_isNotAHeaderArrayAndItemsKeepTheirLines() throws Exception {
        TomlNode.Table t = parse("x = [\n  { a = 1 },\n  { a = 2 },\n]\n");
        TomlNode.Array arr = (TomlNode.Array) t.entries.get("x").value();
        assertEquals(false, arr.ofTables);
        assertEquals(2, arr.items.get(0).line());
        assertEquals(3, arr.items.get(1).line());
    }

    @Test
    void parse_multiLineArray_itemsKeepTheirLines() throws Exception {
        TomlNode.Table t = parse("start = [ # comment, with a comma\n  \"a\",\n\n  \"b\", # more\n  # \"c\",\n  \"d\"]\nx = 1\n");
        TomlNode.Array a = (TomlNode.Array) t.entries.get("start").value();
        assertEquals(2, a.items.get(0).line());
        assertEquals(4, a.items.get(1).line());
        assertEquals(6, a.items.get(2).line());
        assertEquals(7, t.entries.get("x").line());
    }

    @Test
    void parse_itemAfterWideCharacters_keepsItsLine() throws Exception {
        TomlNode.Table t = parse("s = [\"\uD83D\uDE00\uD83D\uDE00\", \"x\",\n\"y\"]\n");
        TomlNode.Array a = (TomlNode.Array) t.entries.get("s").value();
        assertEquals(1, a.items.get(1).line());
        assertEquals(2, a.items.get(2).line());
    }

    @Test
    void parse_errors_carryTheirLine() {
        assertEquals(2, error("a = 1\nb = \n").line);
        assertEquals(3, error("a = 1\n\na = 2\n").line);
        assertEquals(2, error("[x]\n[x]\n").line);
        assertEquals(1, error("s = \"x\\q\"\n").line);
        assertEquals(1, error("a = 1 b = 2\n").line);
        assertEquals(2, error("x = 1\nx.y = 2\n").line);
        assertEquals(1, error("a = { b = 1\n").line);
        assertEquals(1, error("a = yes\n").line);
        assertEquals(1, error("a = 99999999999999999999\n").line);
        assertEquals(3, error("[a]\nb = 1\n[a.b]\n").line);
        assertEquals(2, error("a = {}\n[a]\n").line);
        assertEquals(2, error("[[a]]\n[a]\n").line);
        assertEquals(1, error("a = 1\r").line);
        assertEquals(2, error("a = 1\nx = [\n1,\n2,\n").line);
        // tomlj reports an unclosed multi-line string at the end of the input
        assertEquals(4, error("a = \"\"\"\n\n\"\nb = 1").line);
    }

    @Test
    void parse_errorMessages_areHelpful() {
        assertEquals("invalid value 'yes' (strings must be quoted, e.g. \"yes\")", error("a = yes\n").getMessage());
        assertEquals("duplicate definition of [x] (first defined on line 1)", error("[x]\n[x]\n").getMessage());
        assertEquals("duplicate key 'a' (first set on line 1)", error("a = 1\na = 2\n").getMessage());
        assertEquals("missing value for key 'b'", error("a = { b = }\n").getMessage());
        assertEquals("expected '=' after key 'abc'", error("abc\n").getMessage());
        assertEquals("unexpected 'b' after value (one key = value per line)", error("a = 1 b = 2\n").getMessage());
        assertEquals("string is not closed with '\"' on the same line", error("a = \"abc\nb = 1\n").getMessage());
        assertEquals("carriage return without line feed", error("a = 1\r").getMessage());
        assertEquals("table header is not closed with ']'", error("[a").getMessage());
        assertEquals("array opened here is never closed with ']'", error("a = 1\nx = [\n1,\n").getMessage());
        assertTrue(error("s = \"C:\\dir\"\n").getMessage().contains("'literal string'"));
    }

    @Test
    void parse_deepValues_areSyntaxErrors() throws Exception {
        String ok = "a = " + "[".repeat(TomlParser.MAX_DEPTH - 1) + "]".repeat(TomlParser.MAX_DEPTH - 1) + "\n";
        assertThrows(TomlParser.SyntaxError.class, () -> parse("a = " + "[".repeat(200) + "]".repeat(200) + "\n"));
        assertEquals(TomlParser.TOO_DEEP, error("a = " + "{ b = ".repeat(200) + "1" + " }".repeat(200) + "\n").getMessage());
        assertEquals(1, parse(ok).entries.size());
    }

    @Test
    void parse_emptyAndCommentOnly_areEmptyTables() throws Exception {
        assertTrue(parse("").entries.isEmpty());
        assertTrue(parse("# only a comment\n\n   \n").entries.isEmpty());
    }
}
