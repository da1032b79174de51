#!/usr/bin/env bash
# The app shells' sizes, and the budgets they must stay within (issue 11).
#
# A shell is what a device downloads before the app can start. There are three
# builds of one app: the tablet's (what every participant's tablet downloads
# from a join link, and pass-the-tablet mode runs on), the facilitator's
# (running a workshop; one device per room) and the records' (comparing places
# and combining sessions, opened now and then after a workshop). Each shell is that build's wasm and js,
# plus what every page loads: the service worker, the css and index.html.
# Prints each file's raw and gzip -9 size and each shell's total, and fails
# when a shell's gzipped total is over its budget.
#
# Usage: scripts/size_budget.sh [DIST]            check a build (default: dist)
#        scripts/size_budget.sh --budget N [DIST] check both shells against N bytes instead
#        scripts/size_budget.sh --self-test       prove the check fails over
#                                                 budget and passes within it
set -euo pipefail

# Each shell as measured when its budget was set, rounded up to the next 10 KB
# (10,240 B). Issue 11 forbids quiet growth: a change that makes a shell
# bigger must raise its number in the same commit, in plain sight. Lower it
# whenever the shell shrinks.
#   522,679 B  issue 11, one build (budget 532,480)
#   557,951 B  issue 13: the fair split, where the roles agree and divide, what
#              goes down to pay for what goes up, the partnership check's model
#              and record version 2, with their words in English and Welsh
#              (+35,272 B; budget 563,200)
#   604,720 B  issue 12's notes model (record version 3, CP1 layout 3, CSV note
#              rows) and the partnership check's screens (+46,769 B)
# Then split in two (issue 11): the tablet's build leaves out every
# facilitator's screen (set-up, walk-through, results, the room's screen,
# decision, save and share, print) and what only they use.
#   tablet       445,681 B (budget 450,560)
#   facilitator  606,464 B (budget 614,400)
#   tablet       452,551 B, facilitator 609,004 B: each person's own shift on
#                Allocate (issue 13), removed kinds' tombstones and a cleared
#                decision that stays cleared (issue 15) (tablet budget 460,800)
#   tablet       461,498 B, facilitator 616,234 B at 35212f7: a slider tick
#                that touches only what changed (issue 11: memos per ballot,
#                area and panel, one ballot saved alone; tick 46 -> 17 ms)
#   tablet       468,175 B, facilitator 623,395 B: refusals as typed values,
#                worded in English and Welsh (issue 15; +6,677 B and +7,161 B,
#                3 KB of it the 112 sentences in two languages) (budgets
#                471,040 and 624,640)
#   tablet       469,293 B, facilitator 630,034 B: the room's screen fitting any
#                projector, with its join code full screen (issue 15), and its
#                screen drawn in a task after the shell's (facilitator budget
#                634,880)
#   tablet       469,823 B, facilitator 651,130 B: issue 15's camera scanning
#                (gathering tablets' codes, joining by the room's code: the
#                camera, the two readers' plumbing and the words, +18.6 KB on
#                the facilitator's build only; the QR reader itself is a worker
#                build of its own, 109,036 B, fetched only when scanning starts)
#                and large files read in pieces with a progress bar (+2.9 KB)
#                (facilitator budget 655,360)
#   tablet       500,479 B, facilitator 667,699 B: issue 12's first screen for
#                participants, "Your words" (write, edit and take back notes per
#                area and question, agree with others'), +30.7 KB on the tablet:
#                little of it is the screen's own code; most is the view
#                framework's generic code made again for its new view types
#                (twiggy diff of the tablet's module: +95 KB before wasm-opt,
#                over 760 items). Cutting that back is open work on issue 11
#                (budgets 501,760 and 675,840)
#   tablet       511,535 B, facilitator 704,419 B: the rest of issue 12. On
#                the tablet (+11.0 KB): "Your words" in Easy Read (what is good
#                and not good with pictures, others' notes one at a time,
#                "Listen") and its link from the end of dividing. On the
#                facilitator's (+36.7 KB): those, the facilitator's moderation
#                list on every area step (hide, merge, approve; about 18.6 KB,
#                measured with and without it), the room's wall of notes and
#                its controls, and the most agreed notes in the printable
#                summary. Again mostly the view framework's generic code for
#                new view types; the shells go the wrong way for issue 11,
#                said there (budgets 512,000 and 706,560)
#   tablet       499,570 B: the storage banner's emergency download writes the
#                working copy (a record every import reads) instead of the full
#                record, so the results' arithmetic is no longer in the tablet's
#                module for that one button (-12,001 B; budget 501,760)
#   tablet       487,855 B, facilitator 706,677 B: the tablet's build carries no
#                catalogue (English and Welsh, 47 KB raw); index.html fetches the
#                hosted one in the starting language beside the module (-11,715 B
#                on the tablet). A person's own shift in five fixed rows, so the
#                card never grows under a finger (both builds), and the loader's
#                few lines (+2,228 B on the facilitator's) (budgets 491,520 and
#                716,800)
#   tablet       511,674 B, facilitator 786,529 B (2026-12-08, branch
#                compare-screen): issue 14's "Compare places" screen, in the
#                facilitator's build only (from 704,414 B: +82.1 KB). The
#                comparison's model (kinds matched by name, unit or by hand,
#                the figures per kind, area and place, sorting and filtering,
#                the saved comparison file and its CSV) and its seventeen
#                components (records picked or dropped with a bar, what did not
#                open, the kinds' selects, the order and filters, the table, the
#                chart, each room's headlines, where places agree, Easy Read,
#                CSV, print and save); its stylesheet is drawn by the page, not
#                added to the shared one. The tablet's +191 B is the route's one
#                new address (+66 B raw). design.md asks that a comparison of many
#                records not grow the first screen's download: a build of its own
#                for #/compare, loaded as the tablet's is, would take it out
#                again (open work; budgets 512,000 and 788,480)
#   tablet       491,641 B, facilitator 817,779 B (merged, 2026-12-08): issue
#                14's combining sessions (the ballot's session and record
#                version 4 reach the tablet too: +3,786 B; on the facilitator's:
#                combining on Save and share and the results per session, about
#                +29 KB) and the comparison above. Both are needed only
#                sometimes, and design.md says such a thing must not grow the
#                first screen's download: a build of their own (like the
#                scanner's), loaded by the address as the tablet's is, is the
#                open work that takes them out again (budgets 501,760 and
#                819,200)
#   tablet       473,714 B, facilitator 787,458 B: one sort for the whole
#                model (model::order, a merge sort of indices shared by every
#                sort) instead of the standard library's sort copied for each
#                type and closure (twelve copies, 45 KB raw in the tablet's
#                module), and maps built by insert rather than collect (which
#                sorts first) (-17,936 B and -30,321 B; tablet budget 481,280)
#   tablet       468,162 B, facilitator 781,157 B: names lowercased for the
#                ballots' order by model::lowercase, exactly str::to_lowercase
#                from tables a quarter the size of std's (read off std by
#                build.rs), and the facilitator's other lowercasings through it
#                too, so each build carries one set of case tables (-5,552 B and
#                -6,301 B; tablet budget 471,040)
# Then a third build (issue 14): comparing places and combining sessions move
# to the records' build, which the loader picks for #/compare and #/combine and
# the facilitator's build fetches 10 s after starting (kept for offline use).
#   tablet       491,841 B (+200 B: the routes' two new addresses)
#   facilitator  715,712 B (-102,067 B; budget 716,800)
#   records      496,089 B (the shared shell, the two screens and their model;
#                budget 501,760)
#   both merged: tablet 468,410 B, facilitator 688,765 B, records 470,290 B
#                (budgets 471,040, 696,320 and 471,040)
BUDGET_TABLET_GZ_BYTES=471040
BUDGET_FACILITATOR_GZ_BYTES=696320
BUDGET_RECORDS_GZ_BYTES=471040

# The files of one build's shell in DIST: that build's wasm and js (NAME-<16
# hex>_bg.wasm and NAME-<16 hex>.js), and what every page loads (the service
# worker, the css and index.html).
shell_files() {
  local dist=$1 name=$2 f base
  shopt -s nullglob
  for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
    base=${f##*/}
    if [[ $base =~ ^(co-produce(-tablet|-records)?)-[0-9a-f]{16}(_bg\.wasm|\.js)$ ]]; then
      [[ ${BASH_REMATCH[1]} == "$name" ]] || continue
    elif [[ $base == *.wasm || ($base == *.js && $base != sw.js) ]]; then
      # Another build's, or the QR scanner's worker (fetched only when scanning starts).
      continue
    fi
    echo "$f"
  done
  shopt -u nullglob
}

# Prints the sizes of the shell of build NAME in DIST and checks them against BUDGET.
check() {
  local dist=$1 name=$2 budget=$3 total=0 raw gz f found=0
  local files=()
  mapfile -t files < <(shell_files "$dist" "$name")
  for f in "${files[@]}"; do
    [[ -f $f ]] || continue
    [[ $f == *.wasm ]] && found=1
    raw=$(wc -c <"$f")
    # -n: without the file's name and time in the header, as a server sends it.
    gz=$(gzip -9nc "$f" | wc -c)
    total=$((total + gz))
    printf '%-58s %9d bytes raw %9d bytes gzipped\n' "$f" "$raw" "$gz"
  done
  if [[ $found == 0 || ! -f $dist/index.html ]]; then
    echo "size budget: no $name wasm or no index.html in $dist (build it first: trunk build --release)" >&2
    return 2
  fi
  printf '%s shell (wasm + js + css + html) gzipped: %d bytes (%.1f KB); budget %d bytes (%.1f KB)\n' \
    "$name" "$total" "$(echo "$total/1024" | bc -l)" "$budget" "$(echo "$budget/1024" | bc -l)"
  if ((total > budget)); then
    printf 'size budget exceeded: the %s shell is %d bytes gzipped, over the budget of %d bytes by %d.\n' \
      "$name" "$total" "$budget" "$((total - budget))" >&2
    echo 'Make it smaller, or raise its budget in scripts/size_budget.sh and say why.' >&2
    return 1
  fi
}

# Builds a small fake dist and proves: over budget fails, exactly at budget and
# under it pass, and a dist with no wasm fails rather than passing as 0 bytes.
self_test() {
  local tmp problems=0 total
  tmp=$(mktemp -d)
  mkdir "$tmp/dist" "$tmp/empty"
  head -c 5000 /dev/urandom >"$tmp/dist/co-produce-tablet-00000000000000aa_bg.wasm"
  echo 'export default function init() {}' >"$tmp/dist/co-produce-tablet-00000000000000aa.js"
  # The other builds' files are not part of this shell.
  head -c 9000 /dev/urandom >"$tmp/dist/co-produce-records-00000000000000dd_bg.wasm"
  head -c 9000 /dev/urandom >"$tmp/dist/co-produce-00000000000000bb_bg.wasm"
  echo 'export default function init() { return 1 }' >"$tmp/dist/co-produce-00000000000000bb.js"
  echo 'self.addEventListener("fetch", () => {})' >"$tmp/dist/sw.js"
  # Nor is the scanner's worker, which no page loads at the start.
  head -c 9000 /dev/urandom >"$tmp/dist/co-produce-scanner-00000000000000cc_bg.wasm"
  head -c 9000 /dev/urandom >"$tmp/dist/co-produce-scanner-00000000000000cc.js"
  head -c 9000 /dev/urandom >"$tmp/dist/scanner-worker.js"
  echo 'body { margin: 0 }' >"$tmp/dist/main.css"
  echo '<!doctype html><title>x</title>' >"$tmp/dist/index.html"
  echo '<!doctype html>' >"$tmp/empty/index.html"
  total=0
  for f in "$tmp"/dist/{co-produce-tablet-*,sw.js,main.css,index.html}; do total=$((total + $(gzip -9nc "$f" | wc -c))); done

  expect() { # expect STATUS DESCRIPTION -- command...
    local want=$1 what=$2 got=0
    shift 3
    "$@" >"$tmp/out" 2>&1 || got=$?
    if [[ $got != "$want" ]]; then
      echo "self-test: $what: exit $got, expected $want"
      sed 's/^/  | /' "$tmp/out"
      problems=1
    fi
  }
  local t=co-produce-tablet
  expect 1 "a budget of 1 byte" -- check "$tmp/dist" $t 1
  grep -q "size budget exceeded: the $t shell is $total bytes gzipped, over the budget of 1 bytes" "$tmp/out" ||
    { echo "self-test: the failure does not name the build, its total and the budget"; problems=1; }
  expect 1 "one byte over budget" -- check "$tmp/dist" $t $((total - 1))
  expect 0 "exactly at budget (the other build's files not counted)" -- check "$tmp/dist" $t "$total"
  expect 0 "well under budget" -- check "$tmp/dist" $t 10000000
  expect 2 "a dist without wasm" -- check "$tmp/empty" $t 10000000
  expect 2 "a missing dist" -- check "$tmp/nowhere" $t 10000000
  rm -rf "$tmp"
  echo "size budget self-test: $([[ $problems == 0 ]] && echo ok || echo failed)"
  return "$problems"
}

tablet_budget=$BUDGET_TABLET_GZ_BYTES
facilitator_budget=$BUDGET_FACILITATOR_GZ_BYTES
records_budget=$BUDGET_RECORDS_GZ_BYTES
case ${1:-} in
  --self-test) self_test; exit ;;
  --budget) tablet_budget=$2; facilitator_budget=$2; records_budget=$2; shift 2 ;;
esac
if (($# == 0)); then cd "$(dirname "$0")/.." && set -- dist; fi
status=0
check "$1" co-produce-tablet "$tablet_budget" || status=$?
check "$1" co-produce "$facilitator_budget" || { s=$?; ((status)) || status=$s; }
check "$1" co-produce-records "$records_budget" || { s=$?; ((status)) || status=$s; }
# The QR scanner's worker is no part of either shell: a facilitator's browser
# without a QR BarcodeDetector fetches it when scanning starts. Its size, for
# the record.
scanner=0
shopt -s nullglob
for f in "$1"/co-produce-scanner-*_bg.wasm "$1"/co-produce-scanner-*.js "$1"/scanner-worker.js; do
  gz=$(gzip -9nc "$f" | wc -c)
  scanner=$((scanner + gz))
  printf '%-58s %9d bytes raw %9d bytes gzipped\n' "$f" "$(wc -c <"$f")" "$gz"
done
shopt -u nullglob
((scanner == 0)) || printf 'QR scanner worker, fetched only when scanning starts, gzipped: %d bytes (%.1f KB)\n' \
  "$scanner" "$(echo "$scanner/1024" | bc -l)"
exit "$status"
