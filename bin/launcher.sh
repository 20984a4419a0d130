# Shared by bin/reactord and bin/reactorctl (sourced, not run): finds the jar and a JDK >= 17.
# REACTORD_JAR overrides the jar, JAVA_HOME or REACTORD_JAVA the java binary.

reactord_find_jar() {
  local here
  here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
  for j in "${REACTORD_JAR:-}" "$here/../agent/target/reactord.jar" "$here/../share/reactord/reactord.jar" \
           /usr/share/reactord/reactord.jar; do
    [ -n "$j" ] && [ -f "$j" ] && { readlink -f "$j"; return 0; }
  done
  echo "$(basename "$0"): reactord.jar not found; build it with: mvn -q -DskipTests package" >&2
  return 1
}

reactord_java_major() { # prints the feature version of the given java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

reactord_find_java() {
  local c v
  for c in "${REACTORD_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
           /usr/lib/jvm/*/bin/java; do
    [ -n "$c" ] && [ -x "$c" ] || continue
    v=$(reactord_java_major "$c")
    [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null && { echo "$c"; return 0; }
  done
  echo "$(basename "$0"): no Java 17 or newer found (set JAVA_HOME)" >&2
  return 1
}
