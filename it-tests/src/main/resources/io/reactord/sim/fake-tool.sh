#!/bin/bash
# Fake @TOOL@ of the simulated DRBD node "@NODE@" (written by io.reactord.sim.FakeDrbdTools).
# It forwards its arguments to the reactord DRBD simulator on 127.0.0.1:@PORT@ and replays the answer:
# "O text" -> stdout, "E text" -> stderr, "X code" -> exit code. See docs/simulator.md.
tool=@TOOL@
if ! { exec 3<>/dev/tcp/127.0.0.1/@PORT@; } 2>/dev/null; then
    echo "$tool: simulated node @NODE@ is unreachable (connection refused)" >&2
    exit 20
fi
req="drbdsim/1"$'\t'"$tool"
for a in "$@"; do
    case "$a" in
        *$'\t'* | *$'\n'*) echo "$tool: arguments must not contain tabs or newlines" >&2; exit 20 ;;
    esac
    req+=$'\t'"$a"
done
printf '%s\n' "$req" >&3
if [ "$tool" = drbdsetup ] && [ "$1" = events2 ]; then
    case " $* " in
        *" --poll "*)
            # forward "n" polls from stdin; any other input or EOF ends the command, like drbdsetup
            exec 4<&0
            (
                while IFS= read -r line <&4; do
                    if [ "$line" = n ]; then
                        printf 'n\n' >&3 || exit 0
                    elif [ -n "$line" ]; then
                        break
                    fi
                done
                printf 'q\n' >&3
            ) &
            fwd=$!
            trap 'kill $fwd 2>/dev/null' EXIT
            trap 'exit 143' TERM
            trap 'exit 130' INT
            trap 'exit 129' HUP
            ;;
    esac
fi
while IFS= read -r line <&3; do
    case "$line" in
        "O "*) printf '%s\n' "${line:2}" || exit 141 ;;
        "E "*) printf '%s\n' "${line:2}" >&2 ;;
        "X "*) exit "${line:2}" ;;
    esac
done
echo "$tool: connection to the simulated node @NODE@ lost" >&2
exit 20
