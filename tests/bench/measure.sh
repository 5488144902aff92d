# Shared by the benchmark scripts that compare commands: `median` of the
# numbers on standard input, and `print_measure` of one command's hyperfine
# result and median peak RSS. Source it.

median () { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

print_measure () {  # print_measure HYPERFINE-JSON RSS-KIB NAME RUNS FILE
  python3 - "$@" "$(stat -c %s "$5")" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[3]:<5} median {result['median'] * 1000:7.1f} ms"
      f" (mean {result['mean'] * 1000:.1f} ± {result['stddev'] * 1000:.1f} ms, {sys.argv[4]} runs)"
      f"   peak RSS: median {int(sys.argv[2]) / 1024:5.1f} MiB   file: {int(sys.argv[6]) / 1024:.0f} KiB")
PY
}
