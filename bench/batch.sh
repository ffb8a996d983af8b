#!/usr/bin/env bash
# Batch mining throughput: one `taskmill batch` of small real repositories with one worker process, then the same
# batch with two, on the Temporal development server (loopback, free ports, its own database). Prints samples per
# hour of each run, the ratio between them, the orchestration overhead per sample (a child run's time minus the time
# inside its activities, read from the histories) and the validated samples per day one 2-core machine would make at
# that rate. Not a test: run it by hand from the repository root.
#
#   bench/batch.sh [N] [EXTRA_FILE]
#
# N fixture repositories (default 10) are generated: tiny Python projects, each with one merged bug-fix PR #1. Lines
# of EXTRA_FILE (REPO [PR], the batch file format) are added to the batch, e.g. "/tmp/real/click 3764". Both measured
# runs start with the dependency cache and environment image warm (a one-repository warm-up run fills them) and with
# the bench repositories' sample images removed, so each run builds its sample images as a new repository would.
# Concurrency: BENCH_CONCURRENCY (default 4) children at once in both runs. BENCH_HISTORY_OUT=FILE keeps the
# two-worker batch's history (JSON) for the replay test. Needs Docker, the offline images (.ci/setup-docker.sh) and
# the Temporal CLI (deploy/temporal/install.sh). Stops only the processes it starts; removes only its own images.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-10}"
extra="${2:-}"
concurrency="${BENCH_CONCURRENCY:-4}"
export TASKMILL_IMAGES_CONFIG="${TASKMILL_IMAGES_CONFIG:-$root/deploy/offline-images/stacks.properties}"
work="$(mktemp -d /tmp/taskmill-batch-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  drop_sample_images
  rm -rf "$work"
}
trap cleanup EXIT

drop_sample_images() {
  local images
  images="$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^taskmill-sample/local-tmbench-' || true)"
  if [[ -n "$images" ]]; then
    # shellcheck disable=SC2086 # one image name per word
    docker rmi -f $images >/dev/null 2>&1 || true
  fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# One tiny Python project with a bug and PR #1 that fixes it and adds the test that shows it (a squash commit).
make_repo() {
  local dir="$1" n="$2"
  mkdir -p "$dir/tests"
  git -C "$dir" init -q -b main
  # The same manifest in every repository: one environment image (built by the warm-up) serves them all.
  printf '[project]\nname = "calc"\nversion = "0.1.0"\nrequires-python = ">=3.8"\n' >"$dir/pyproject.toml"
  printf 'def add(a, b):\n    return a + b\n\n\ndef clamp%s(x, lo, hi):\n    return max(lo, x)\n' "$n" >"$dir/calc.py"
  printf 'from calc import add\n\n\ndef test_add():\n    assert add(2, %s) == %s\n' "$n" "$((n + 2))" \
    >"$dir/tests/test_calc.py"
  git -C "$dir" add -A && git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -qm "calc $n"
  printf 'def add(a, b):\n    return a + b\n\n\ndef clamp%s(x, lo, hi):\n    return min(hi, max(lo, x))\n' "$n" \
    >"$dir/calc.py"
  printf '\n\ndef test_clamp_upper():\n    from calc import clamp%s\n    assert clamp%s(15, 0, 10) == 10\n' "$n" "$n" \
    >>"$dir/tests/test_calc.py"
  git -C "$dir" add -A
  git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -qm "Fix clamp$n ignoring the upper bound (#1)"
}

temporal="$(bash "$root/deploy/temporal/install.sh")"
(cd "$root" && ./taskmill --version >/dev/null)   # builds the CLI first, outside the timings
jar="$root/starter/target/taskmill.jar"
port="$(free_port)"
ui_port="$(free_port)"
address="127.0.0.1:$port"
"$temporal" server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$ui_port" --db-filename "$work/temporal.db" \
  --log-level warn --ui-disable-news-fetch >"$work/server.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 120); do
  "$temporal" operator cluster health --address "$address" >/dev/null 2>&1 && break
  sleep 0.5
done

for n in $(seq 1 "$count"); do
  make_repo "$work/repos/tmbench-calc-$n" "$n"
  echo "tmbench-calc-$n 1" >>"$work/repos/batch.txt"
done
if [[ -n "$extra" ]]; then
  grep -v '^[[:space:]]*\(#\|$\)' "$extra" >>"$work/repos/batch.txt"
fi
make_repo "$work/warm/tmbench-warm" 0
echo "tmbench-warm 1" >"$work/warm/batch.txt"
entries="$(wc -l <"$work/repos/batch.txt")"

start_workers() {
  local n="$1" i
  workers=()
  for i in $(seq 1 "$n"); do
    TASKMILL_CACHE_DIR="$work/cache" java -jar "$jar" worker --address "$address" >"$work/worker-$n-$i.log" 2>&1 &
    pids+=("$!")
    workers+=("$!")
    until grep -qs "taskmill-worker: serving" "$work/worker-$n-$i.log"; do sleep 0.2; done
  done
}
stop_workers() {
  local pid
  for pid in "${workers[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
# Runs one batch; prints its id.
run_batch() {
  local file="$1" samples="$2" log="$3"
  (cd "$root" && ./taskmill batch "$file" --remote-workers --address "$address" --samples-dir "$samples" \
    --concurrency "$concurrency") >"$log" 2>&1 || { echo "batch failed:" >&2; tail -5 "$log" >&2; exit 1; }
  sed -n 's/^Batch \(taskmill\/batch\/[^ ]*\).*/\1/p' "$log" | head -1
}

echo "== warm-up (one repository, fills the dependency cache and the environment image)"
start_workers 1
run_batch "$work/warm/batch.txt" "$work/samples-warm" "$work/warm.log" >/dev/null
stop_workers

declare -A ids seconds
for n in 1 2; do
  drop_sample_images
  echo "== $entries repositories, $n worker process(es), $concurrency children at once"
  start_workers "$n"
  t0=$(date +%s.%N)
  ids[$n]="$(run_batch "$work/repos/batch.txt" "$work/samples-$n" "$work/batch-$n.log")"
  t1=$(date +%s.%N)
  seconds[$n]="$(echo "$t1 - $t0" | bc)"
  stop_workers
  grep -A4 '^Batch done' "$work/batch-$n.log" | sed 's/^/  /'
done
if [[ -n "${BENCH_HISTORY_OUT:-}" ]]; then
  "$temporal" workflow show --address "$address" -w "${ids[2]}" --output json >"$BENCH_HISTORY_OUT"
fi

# Per run: the batch's own time, samples made, and each child's time minus the time inside its activities.
for n in 1 2; do
  "$temporal" workflow show --address "$address" -w "${ids[$n]}" --output json >"$work/batch-history-$n.json"
  # The children from the batch's own history: no worker is needed to read it (a query would need one).
  python3 - "$work/batch-history-$n.json" <<'PY' >"$work/children-$n.txt"
import json, sys
for event in json.load(open(sys.argv[1]))["events"]:
    started = event.get("childWorkflowExecutionStartedEventAttributes")
    if started:
        print(started["workflowExecution"]["workflowId"])
PY
  while read -r child; do
    "$temporal" workflow show --address "$address" -w "$child" --output json >>"$work/child-histories-$n.jsonl"
    echo >>"$work/child-histories-$n.jsonl"
  done <"$work/children-$n.txt"
done

python3 - "$work" "${seconds[1]}" "${seconds[2]}" <<'PY'
import json, sys
from datetime import datetime

work, wall = sys.argv[1], {1: float(sys.argv[2]), 2: float(sys.argv[3])}

def when(event):
    return datetime.fromisoformat(event["eventTime"].replace("Z", "+00:00")).timestamp()

def histories(path):
    decoder, text, pos, out = json.JSONDecoder(), open(path).read(), 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return out
        doc, pos = decoder.raw_decode(text, pos)
        out.append(doc["events"])

def inside_activities(events):
    started = {}
    total = 0.0
    for e in events:
        kind = e["eventType"]
        if kind in ("EVENT_TYPE_ACTIVITY_TASK_STARTED", "ActivityTaskStarted"):
            started[int(e["activityTaskStartedEventAttributes"]["scheduledEventId"])] = when(e)
        for closed in ("Completed", "Failed", "TimedOut", "Canceled"):
            key = "activityTask" + closed + "EventAttributes"
            if key in e:
                begin = started.pop(int(e[key]["scheduledEventId"]), None)
                if begin is not None:
                    total += when(e) - begin
    return total

def waiting_for_a_worker(events):
    """Schedule-to-start of every activity attempt that started: time queued until a worker had a free slot."""
    scheduled = {int(e["eventId"]): when(e) for e in events if "activityTaskScheduledEventAttributes" in e}
    return sum(when(e) - scheduled[int(e["activityTaskStartedEventAttributes"]["scheduledEventId"])]
               for e in events if "activityTaskStartedEventAttributes" in e)

rates = {}
for n in (1, 2):
    batch = json.load(open(f"{work}/batch-history-{n}.json"))["events"]
    batch_seconds = when(batch[-1]) - when(batch[0])
    children = histories(f"{work}/child-histories-{n}.jsonl")
    made = sum(1 for events in children if "COMPLETED" in events[-1]["eventType"].upper())
    overheads = [(when(ev[-1]) - when(ev[0])) - inside_activities(ev) for ev in children]
    child_seconds = [when(ev[-1]) - when(ev[0]) for ev in children]
    queued = [waiting_for_a_worker(ev) for ev in children]
    rates[n] = made / batch_seconds * 3600
    print(f"{n} worker(s): {made} samples in {batch_seconds:.1f} s (batch workflow; CLI wall {wall[n]:.1f} s)"
          f" -> {rates[n]:.0f} samples/hour")
    if overheads:
        print(f"    per sample: {sum(child_seconds) / len(children):.1f} s run, orchestration overhead"
              f" {sum(overheads) / len(overheads):.2f} s mean, {max(overheads):.2f} s max"
              f" ({100 * sum(overheads) / sum(child_seconds):.1f} % of run time outside activities)")
        print(f"    of which queued for a free worker slot (schedule-to-start): {sum(queued) / len(queued):.2f} s mean;"
              f" the rest, {(sum(overheads) - sum(queued)) / len(overheads):.2f} s, is workflow tasks and dispatch")
print(f"ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}")
best = max(rates.values())
print(f"one 2-core machine at the better rate: {best * 24:.0f} validated samples/day"
      f" ({rates[1] * 24:.0f} with one worker process, {rates[2] * 24:.0f} with two)")
PY
