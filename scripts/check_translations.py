#!/usr/bin/env python3
"""Checks every translation against the English originals.

    python3 scripts/check_translations.py

Takes no arguments. Exits 0 when every translation is complete and consistent,
1 (with a list of problems) when it is not.

What it checks
--------------
UI strings: every `locales/<lang>.json` against `locales/en.json`:
  * the file parses as JSON, with no key written twice in one object;
  * exactly the same key paths as en.json (lists missing and extra keys);
  * each value has the same kind as in en.json (text, or a nested group);
  * each text keeps exactly the same `{{ placeholder }}` (or, in problem.*,
    `{placeholder}`) tokens (same names,
    same count, same spacing), no stray `{{` or `}}`, and the same
    markup tags (e.g. `<b>`, `</b>`) if en.json uses any;
  * no text is empty where the English is not.
  Plural variants (`key_zero`, `_one`, `_two`, `_few`, `_many`, `_other`) may
  differ between languages: a language may add the categories it needs, as
  long as it has `key_other` when en.json does.
  Warnings only (they do not fail the check): keys in a different order from
  en.json, text identical to the English (outside `ALLOWED_IDENTICAL_UI`), and
  digits in the English that are missing from the translation.

Catalogue: every `public/catalogue.<lang>.json` against `public/catalogue.json`:
  * the file parses as JSON, with no key written twice in one object;
  * the same structure: the same keys in every object, the same list lengths,
    the same numbers (years, figures) and the same true/false/null values;
  * fields that identify things (`id`, `version`, `area`, `url`) and source
    titles (`sources[].title`, citations of published reports) are unchanged;
  * every other text is translated: not identical to the English (unless it is
    a proper name in `ALLOWED_IDENTICAL_CATALOGUE`) and not empty;
  * every figure in the prose is kept: the numbers in each translated text are
    the same as in the English (thousands separators may differ).

Adding a language is just adding `locales/<lang>.json` and, optionally,
`public/catalogue.<lang>.json`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
BASE_LOCALE = LOCALES / "en.json"
PUBLIC = ROOT / "public"
BASE_CATALOGUE = PUBLIC / "catalogue.json"

# UI keys whose text may stay the same as the English in any language.
ALLOWED_IDENTICAL_UI = {"app.name"}

# Catalogue texts that are proper names and may stay in English.
ALLOWED_IDENTICAL_CATALOGUE = {
    "Homeshare",
    "Shared Lives",
    "Housing First",
    "Men's Sheds",
    "Community Circles",
    "Local Area Coordination",
    "Community Led Support",
}

# Catalogue fields that identify things and must not change.
INVARIANT_FIELDS = {"id", "version", "area", "url"}

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
PLURAL_RE = re.compile(r"^(?P<base>.+)_(?P<cat>" + "|".join(PLURAL_CATEGORIES) + r")$")
# leptos_i18n's `{{ name }}`, and the `{name}` of the problem.* sentences,
# which the app fills itself (src/ui/problem_text.rs).
PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|(?<!\{)\{[a-z_]+\}(?!\})")
TAG_RE = re.compile(r"</?[A-Za-z][\w-]*\s*/?>")
# A number, allowing "1,500", "13.9", "1 500" with a no-break or narrow no-break space.
NUMBER_RE = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")


class DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(f"the key {key!r} is written twice in one object")
        seen[key] = value
    return seen


def load(path: Path):
    """Parses a JSON file; returns (data, error message or None)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return None, f"cannot be read: {e}"
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates), None
    except DuplicateKey as e:
        return None, f"is not valid: {e}"
    except json.JSONDecodeError as e:
        return None, f"is not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})"


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def kind_of(value) -> str:
    if isinstance(value, dict):
        return "group"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "number"
    if value is None:
        return "null"
    return type(value).__name__


def flatten(tree, prefix=()):
    """Ordered (path tuple, leaf value) pairs of a nested object."""
    out = []
    for key, value in tree.items():
        path = prefix + (key,)
        if isinstance(value, dict):
            out.extend(flatten(value, path))
        else:
            out.append((path, value))
    return out


def dotted(path) -> str:
    return ".".join(path)


def numbers(text: str) -> Counter:
    return Counter(re.sub(r"[.,\u00a0\u202f]", "", n) for n in NUMBER_RE.findall(text))


def has_words(text: str) -> bool:
    """Whether a text has letters outside its placeholders and tags (so it needs translating)."""
    return re.search(r"[^\W\d_]", TAG_RE.sub("", PLACEHOLDER_RE.sub("", text))) is not None


def describe(counter: Counter) -> str:
    items = sorted(counter.elements())
    return ", ".join(items) if items else "none"


# ---------------------------------------------------------------- UI strings


def plural_parts(path):
    m = PLURAL_RE.match(path[-1])
    if not m:
        return None
    return path[:-1] + (m.group("base"),), m.group("cat")


def check_locale(path: Path, base: dict):
    errors, warnings = [], []
    data, err = load(path)
    if err:
        return [f"{rel(path)} {err}"], warnings, 0
    if not isinstance(data, dict):
        return [f"{rel(path)}: the top level must be an object"], warnings, 0

    base_flat = flatten(base)
    base_map = dict(base_flat)
    flat = flatten(data)
    tr_map = dict(flat)

    # Also catch a group in one file that is text in the other.
    def group_paths(tree, prefix=()):
        out = set()
        for key, value in tree.items():
            if isinstance(value, dict):
                out.add(prefix + (key,))
                out |= group_paths(value, prefix + (key,))
        return out

    base_groups, tr_groups = group_paths(base), group_paths(data)
    for p in sorted(base_groups & set(tr_map)):
        errors.append(f"{dotted(p)}: should be a group of keys, as in en.json, but is {kind_of(tr_map[p])}")
    for p in sorted(tr_groups & set(base_map)):
        errors.append(f"{dotted(p)}: should be {kind_of(base_map[p])}, as in en.json, but is a group of keys")

    base_plural_groups = {pp[0] for p in base_map if (pp := plural_parts(p))}

    missing = []
    for p in base_map:
        if p in tr_map or p in tr_groups:
            continue  # present (a group here is reported as a kind mismatch above)
        if any(p[: i + 1] in tr_map for i in range(len(p) - 1)):
            continue  # a parent is text here: reported as a kind mismatch above
        pp = plural_parts(p)
        if pp and pp[0] in base_plural_groups and pp[1] != "other":
            # A language need not use every plural category English uses.
            continue
        missing.append(p)
    extra = []
    for p in tr_map:
        if p in base_map or p in base_groups:
            continue
        if any(p[: i + 1] in base_map for i in range(len(p) - 1)):
            continue  # reported as a kind mismatch above
        pp = plural_parts(p)
        if pp and pp[0] in base_plural_groups:
            continue  # an extra plural category this language needs
        extra.append(p)

    if missing:
        errors.append(f"missing {len(missing)} key(s): " + ", ".join(dotted(p) for p in missing))
    if extra:
        errors.append(f"{len(extra)} key(s) not in en.json: " + ", ".join(dotted(p) for p in extra))

    checked = 0
    for p, value in flat:
        english = base_map.get(p)
        if english is None:
            pp = plural_parts(p)
            if pp and pp[0] in base_plural_groups:
                english = base_map.get(pp[0][:-1] + (pp[0][-1] + "_other",))
            if english is None:
                continue
        if kind_of(value) != kind_of(english):
            errors.append(f"{dotted(p)}: should be {kind_of(english)}, as in en.json, but is {kind_of(value)}")
            continue
        if not isinstance(value, str):
            if value != english:
                errors.append(f"{dotted(p)}: should be {english!r}, as in en.json, but is {value!r}")
            continue
        checked += 1
        key = dotted(p)
        if english.strip() and not value.strip():
            errors.append(f"{key}: is empty")
            continue
        want, got = Counter(PLACEHOLDER_RE.findall(english)), Counter(PLACEHOLDER_RE.findall(value))
        pp = plural_parts(p)
        if want != got:
            # A plural variant may leave out the count ("one person").
            lenient = pp and (got - want) == Counter() and set((want - got)) <= {"{{ count }}"}
            if not lenient:
                errors.append(
                    f"{key}: placeholders do not match: en.json has [{describe(want)}], "
                    f"this has [{describe(got)}]"
                )
        for token in ("{{", "}}"):
            stray_en = PLACEHOLDER_RE.sub("", english).count(token)
            stray = PLACEHOLDER_RE.sub("", value).count(token)
            if stray != stray_en:
                errors.append(f"{key}: has a '{token}' that is not part of a placeholder (a broken placeholder?)")
        want_tags, got_tags = Counter(TAG_RE.findall(english)), Counter(TAG_RE.findall(value))
        if want_tags != got_tags:
            errors.append(
                f"{key}: markup tags do not match: en.json has [{describe(want_tags)}], "
                f"this has [{describe(got_tags)}]"
            )
        if value == english and key not in ALLOWED_IDENTICAL_UI and has_words(value):
            warnings.append(f"{key}: same as the English ({value!r}); not translated yet?")
        lost = numbers(english) - numbers(value)
        if lost:
            warnings.append(f"{key}: the number(s) {describe(lost)} in the English are not in the translation")

    common = [p for p, _ in flat if p in base_map]
    base_order = [p for p, _ in base_flat if p in tr_map]
    if common != base_order:
        first = next(i for i, (a, b) in enumerate(zip(common, base_order)) if a != b)
        warnings.append(
            f"keys are in a different order from en.json, first at {dotted(common[first])} "
            f"(en.json has {dotted(base_order[first])} there)"
        )
    return errors, warnings, len([p for p in base_map if p in tr_map])


# ---------------------------------------------------------------- catalogue


def check_catalogue(path: Path, base):
    errors, warnings = [], []
    data, err = load(path)
    if err:
        return [f"{rel(path)} {err}"], warnings, 0
    counts = {"texts": 0}

    def walk(en, tr, where, parent_key):
        if kind_of(en) != kind_of(tr):
            errors.append(f"{where or '(top level)'}: should be {kind_of(en)}, as in catalogue.json, but is {kind_of(tr)}")
            return
        if isinstance(en, dict):
            missing = [k for k in en if k not in tr]
            extra = [k for k in tr if k not in en]
            if missing:
                errors.append(f"{where or '(top level)'}: missing " + ", ".join(missing))
            if extra:
                errors.append(f"{where or '(top level)'}: not in catalogue.json: " + ", ".join(extra))
            if [k for k in tr if k in en] != [k for k in en if k in tr]:
                warnings.append(f"{where or '(top level)'}: keys are in a different order from catalogue.json")
            for k in en:
                if k in tr:
                    walk(en[k], tr[k], f"{where}.{k}" if where else k, k)
            return
        if isinstance(en, list):
            if len(en) != len(tr):
                errors.append(f"{where}: has {len(tr)} item(s), catalogue.json has {len(en)}")
            for i, (a, b) in enumerate(zip(en, tr)):
                label = f"{where}[{i}]"
                if isinstance(a, dict) and isinstance(a.get("id"), str):
                    label += f"({a['id']})"
                elif isinstance(a, dict) and isinstance(a.get("area"), str):
                    label += f"({a['area']})"
                walk(a, b, label, parent_key)
            return
        if not isinstance(en, str):
            if en != tr or type(en) is not type(tr):
                errors.append(f"{where}: should be {en!r}, as in catalogue.json, but is {tr!r}")
            return
        is_source_title = parent_key == "title" and re.search(r"\.sources\[\d+\]\.title$", where)
        if parent_key in INVARIANT_FIELDS or is_source_title:
            if en != tr:
                what = "source titles are citations and stay as published" if is_source_title else "it identifies something"
                errors.append(f"{where}: must stay {en!r} ({what}), but is {tr!r}")
            return
        counts["texts"] += 1
        if en.strip() and not tr.strip():
            errors.append(f"{where}: is empty")
            return
        if tr == en and en not in ALLOWED_IDENTICAL_CATALOGUE and has_words(en):
            errors.append(f"{where}: not translated (same as the English: {en!r})")
        want, got = numbers(en), numbers(tr)
        if want != got:
            lost, added = want - got, got - want
            detail = []
            if lost:
                detail.append(f"missing {describe(lost)}")
            if added:
                detail.append(f"not in the English {describe(added)}")
            errors.append(f"{where}: figures differ from the English ({'; '.join(detail)})")

    walk(base, data, "", None)
    return errors, warnings, counts["texts"]


# ---------------------------------------------------------------- main


def main() -> int:
    failed = False
    problems_total = 0

    def report(name, errors, warnings, summary):
        nonlocal failed, problems_total
        if errors:
            failed = True
            problems_total += len(errors)
            print(f"FAIL {name}: {len(errors)} problem(s)")
            for e in errors:
                print(f"  - {e}")
        else:
            print(f"ok   {name}: {summary}")
        for w in warnings:
            print(f"  warning: {w}")

    base_locale, err = load(BASE_LOCALE)
    if err or not isinstance(base_locale, dict):
        print(f"FAIL {rel(BASE_LOCALE)} {err or 'must be an object'}")
        return 1
    n_base = len(flatten(base_locale))
    locale_files = sorted(p for p in LOCALES.glob("*.json") if p.name != BASE_LOCALE.name)
    print(f"UI strings: {rel(BASE_LOCALE)} has {n_base} keys; {len(locale_files)} translation(s)")
    for path in locale_files:
        errors, warnings, n = check_locale(path, base_locale)
        report(rel(path), errors, warnings, f"{n}/{n_base} keys, placeholders match")

    if BASE_CATALOGUE.exists():
        base_cat, err = load(BASE_CATALOGUE)
        if err:
            print(f"FAIL {rel(BASE_CATALOGUE)} {err}")
            return 1
        cat_files = sorted(p for p in PUBLIC.glob("catalogue.*.json"))
        print(f"Catalogue: {rel(BASE_CATALOGUE)}; {len(cat_files)} translation(s)")
        for path in cat_files:
            errors, warnings, n = check_catalogue(path, base_cat)
            report(rel(path), errors, warnings, f"same structure, ids and figures; {n} texts translated")

    if failed:
        print(f"\nTranslations are not complete: {problems_total} problem(s) listed above.")
        return 1
    print("\nAll translations match the English.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
