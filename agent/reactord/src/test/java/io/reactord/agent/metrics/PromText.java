package io.reactord.agent.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it rejects what Prometheus
 * would reject (bad names, bad escapes, duplicate series, a TYPE after samples or twice, samples of one
 * family split up, a value that is not a Go float) and more (a sample without a TYPE, HELP after TYPE for
 * another family). Series are keyed canonically: {@code name{a="1",b="2"}} with labels sorted.
 */
final class PromText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** Samples by canonical series key. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    /** TYPE per family name. */
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, String> help = new LinkedHashMap<>();

    private PromText() {}

    static PromText parse(String text) {
        PromText p = new PromText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition does not end with a newline");
        }
        Set<String> closed = new HashSet<>();
        String current = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                    String[] parts = line.substring(7).split(" ", 2);
                    String fam = parts[0];
                    need(METRIC.matcher(fam).matches(), "bad metric name '" + fam + "'");
                    if (!fam.equals(current)) {
                        need(!closed.contains(fam), "family " + fam + " appears twice");
                        if (current != null) closed.add(current);
                        current = fam;
                    }
                    if (line.startsWith("# HELP ")) {
                        need(!p.help.containsKey(fam), "second HELP for " + fam);
                        p.help.put(fam, parts.length > 1 ? unescapeHelp(parts[1]) : "");
                    } else {
                        need(parts.length == 2 && TYPES.contains(parts[1]), "bad TYPE line");
                        need(!p.types.containsKey(fam), "second TYPE for " + fam);
                        need(p.samples.keySet().stream().noneMatch(k -> familyOf(k, p.types).equals(fam)),
                                "TYPE after samples of " + fam);
                        p.types.put(fam, parts[1]);
                    }
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                p.sample(line, current);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return p;
    }

    private void sample(String line, String current) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') i++;
        String name = line.substring(0, i);
        need(METRIC.matcher(name).matches(), "bad metric name '" + name + "'");
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String ln = line.substring(i, eq);
                need(LABEL.matcher(ln).matches(), "bad label name '" + ln + "'");
                need(line.charAt(eq + 1) == '"', "label value not quoted");
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (;; j++) {
                    char c = line.charAt(j);
                    if (c == '"') break;
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        need(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e);
                        v.append(e == 'n' ? '\n' : e);
                    } else {
                        v.append(c);
                    }
                }
                need(labels.put(ln, v.toString()) == null, "duplicate label " + ln);
                i = j + 1;
                if (line.charAt(i) == ',') i++;
                else need(line.charAt(i) == '}', "expected , or }");
            }
            i++;
        }
        need(i < line.length() && line.charAt(i) == ' ', "expected a space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        need(rest.length == 1 || rest.length == 2, "expected value [timestamp]");
        double value = goFloat(rest[0]);
        if (rest.length == 2) Long.parseLong(rest[1]);
        String fam = familyOf(name, types);
        need(types.containsKey(fam), "sample " + name + " without TYPE");
        need(fam.equals(current), "sample of " + fam + " outside its family block");
        String type = types.get(fam);
        if (type.equals("histogram")) {
            need(name.equals(fam + "_bucket") || name.equals(fam + "_sum") || name.equals(fam + "_count"),
                    "histogram sample " + name);
            need(!name.endsWith("_bucket") || labels.containsKey("le"), "bucket without le");
        } else {
            need(name.equals(fam), type + " sample name " + name + " differs from family " + fam);
        }
        String key = key(name, labels);
        need(samples.put(key, value) == null, "duplicate series " + key);
    }

    private static String familyOf(String sample, Map<String, String> types) {
        String name = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
        if (types.containsKey(name)) return name;
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base))) return base;
            }
        }
        return name;
    }

    static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) return name;
        List<String> l = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> l.add(k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + "\""));
        return name + "{" + String.join(",", l) + "}";
    }

    /** Parses {@code name{l="v",...} value} lines (as in expected-sample files) into canonical keys. */
    static Map<String, Double> samplesOf(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        Set<String> fams = new java.util.LinkedHashSet<>();
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("#")) continue;
            int end = l.indexOf('{') >= 0 ? l.indexOf('{') : l.indexOf(' ');
            fams.add(l.substring(0, end));
        }
        for (String f : fams) {
            sb.append("# TYPE ").append(f).append(" untyped\n");
            for (String l : lines) {
                if (l.isBlank() || l.startsWith("#")) continue;
                int end = l.indexOf('{') >= 0 ? l.indexOf('{') : l.indexOf(' ');
                if (l.substring(0, end).equals(f)) sb.append(l).append('\n');
            }
        }
        return parse(sb.toString()).samples;
    }

    private static double goFloat(String s) {
        switch (s) {
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            case "NaN": return Double.NaN;
            default:
                need(s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"), "bad value '" + s + "'");
                return Double.parseDouble(s);
        }
    }

    private static String unescapeHelp(String s) {
        StringBuilder v = new StringBuilder();
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                need(j + 1 < s.length(), "dangling backslash in HELP");
                char e = s.charAt(++j);
                need(e == '\\' || e == 'n', "bad HELP escape \\" + e);
                v.append(e == 'n' ? '\n' : e);
            } else {
                v.append(c);
            }
        }
        return v.toString();
    }

    private static void need(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(what);
    }
}
