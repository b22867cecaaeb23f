#!/usr/bin/env python3
"""Check the sample content: an independent computation of the figures of the content format.

Usage:
    python3 tools/check_sample.py [CONTENT_DIR]
        Reads content/ (default: the one beside tools/) with PyYAML, lints it against the rules of
        the format, computes the figures of "What the figures mean" (states carried forward,
        changes, baselines, re-based communes, the summary of every snapshot for `all` and
        `target`, the year review, the targets) and asserts the facts from the seeds that the
        sample must reproduce. Prints them. Exit status 0 when everything holds.

    python3 tools/check_sample.py --example EXAMPLE_DIR
        Runs the same computation on a worked example (a folder with content/ and expected/, such
        as the spec's example) and compares it with the expected data files, to show that this
        computation agrees with the spec.

It shares no code with the generator (tools/gen_sample.py) or with the Rust engine. Needs Python
3.11 and PyYAML.
"""

import csv
import datetime as dt
import io
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# Agencies of the Đảng bộ Khối các cơ quan tỉnh (the bloc of seed 002).
BLOC = {
    "Đảng ủy Khối các cơ quan tỉnh", "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
    "Sở Công Thương", "Sở Giao thông Vận tải", "Sở Xây dựng", "Sở Nông nghiệp và PTNT",
    "Sở Tài nguyên và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông",
    "Sở Nội vụ", "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội", "Thanh tra tỉnh",
    "Đoàn Khối các cơ quan tỉnh", "Công đoàn Viên chức tỉnh",
}
NAMED_PAIRS = [
    ("Sở Công Thương", "duc-tho/thai-yen"), ("Sở Giao thông Vận tải", "can-loc/dong-loc"),
    ("Sở Giao thông Vận tải", "huong-son/son-mai"), ("Sở Y tế", "thach-ha/thach-long"),
    ("Sở Khoa học và Công nghệ", "cam-xuyen/cam-thang"),
    ("Sở Khoa học và Công nghệ", "huong-son/son-quang"),
    ("Sở Khoa học và Công nghệ", "duc-tho/yen-ho"),
    ("Sở Văn hóa, Thể thao và Du lịch", "loc-ha/thinh-loc"),
    ("Sở Giáo dục và Đào tạo", "huong-son/son-bang"),
]
DUK = "Đảng ủy Khối các cơ quan tỉnh"

KEYS = {
    "site": {"title", "organization", "base_url", "description", "language", "data_license", "contact"},
    "set": {"name", "decision", "valid_from", "valid_until", "criteria", "classes"},
    "criterion": {"number", "name", "name_en", "group", "department", "indicators"},
    "indicator": {"id", "name", "name_en"},
    "group": {"name", "kind"},
    "commune": {"name", "kind", "code", "population", "area_km2", "target_year", "sponsors",
                "officers", "recognitions", "location", "class", "established", "merged_from"},
    "officer": {"name", "role", "agency", "from", "until"},
    "recognition": {"level", "date", "decision"},
    "snapshot": {"date", "period", "criteria_set", "note", "communes"},
    "entry": {"met", "production_models", "efficient_models", "enterprises", "cooperatives"},
    "target": {"title", "source", "deadline", "scope", "measure", "value"},
    "model": {"title", "kind", "commune", "status", "registered", "recognized", "cover", "photos"},
    "photo": {"file", "caption", "credit"},
    "doc": {"title", "date", "summary", "author", "tags", "communes", "cover", "draft"},
}
INDICATORS = ["production_models", "efficient_models", "enterprises", "cooperatives"]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

problems = []


def problem(msg):
    problems.append(msg)


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------

def read_text(path, rel):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(f"{rel}: starts with a byte-order mark (accepted by the format, not wanted here)")
    if b"\r" in raw:
        problem(f"{rel}: CR line ends")
    text = raw.decode("utf-8-sig")
    if unicodedata.normalize("NFC", text) != text:
        problem(f"{rel}: not in NFC")
    return unicodedata.normalize("NFC", text)


def load_yaml_text(text, rel):
    data = yaml.safe_load(text)
    check_yaml12(data, rel, ())
    return data


def check_yaml12(v, rel, path):
    """PyYAML reads YAML 1.1; flag values that YAML 1.2 core would read differently."""
    if isinstance(v, dict):
        for k, x in v.items():
            if not isinstance(k, str) and not (path == () and False) and path[-1:] != ("classes",):
                problem(f"{rel}: key {k!r} is not text")
            check_yaml12(x, rel, path + (k,))
    elif isinstance(v, list):
        for x in v:
            check_yaml12(x, rel, path)
    elif isinstance(v, bool) and (not path or path[-1] != "draft"):
        problem(f"{rel}: {'.'.join(map(str, path))} reads as a boolean")
    elif isinstance(v, (dt.datetime,)):
        problem(f"{rel}: {'.'.join(map(str, path))} reads as a timestamp")


def as_date(v, rel, what):
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, str) and ISO.match(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    problem(f"{rel}: {what} {v!r} is not an ISO date")
    return None


def keys_ok(d, kind, rel, required=()):
    if not isinstance(d, dict):
        problem(f"{rel}: expected a mapping for {kind}")
        return False
    for k in d:
        if k not in KEYS[kind]:
            problem(f"{rel}: unknown key {k!r} in {kind}")
    for k in required:
        if d.get(k) in (None, ""):
            problem(f"{rel}: {kind} needs {k!r}")
    return True


def split_front_matter(text, rel):
    if not text.startswith("---\n"):
        problem(f"{rel}: no front matter")
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        problem(f"{rel}: front matter not closed")
        return {}, text
    return load_yaml_text(text[4:end + 1], rel) or {}, text[end + 5:]


class Content:
    def __init__(self, root, lint=True):
        self.root = root
        self.lint = lint
        self.sets = {}
        self.communes = {}
        self.groups = {}
        self.snapshots = []
        self.targets = {}
        self.load()

    def exists(self, cid, d):
        return (cid not in self.starts or d >= self.starts[cid]) and (cid not in self.ends or d < self.ends[cid])

    def rel(self, path):
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def yaml_file(self, path):
        rel = self.rel(path)
        return load_yaml_text(read_text(path, rel), rel), rel

    def load(self):
        root = self.root
        # criteria sets
        for f in sorted(os.listdir(os.path.join(root, "criteria"))):
            d, rel = self.yaml_file(os.path.join(root, "criteria", f))
            keys_ok(d, "set", rel, ("name", "criteria", "valid_from"))
            crit = d["criteria"]
            nums = []
            inds = {}
            for c in crit:
                keys_ok(c, "criterion", rel, ("number", "name"))
                nums.append(c["number"])
                ids = []
                for i in c.get("indicators") or []:
                    keys_ok(i, "indicator", rel, ("id", "name"))
                    ids.append(str(i["id"]))
                if ids != [f"{c['number']}.{k}" for k in range(1, len(ids) + 1)]:
                    problem(f"{rel}: indicators of {c['number']} are not N.1..N.M: {ids}")
                if ids:
                    inds[c["number"]] = ids
            if nums != list(range(1, len(nums) + 1)):
                problem(f"{rel}: criterion numbers are not 1..N")
            vf = as_date(d["valid_from"], rel, "valid_from")
            vu = as_date(d["valid_until"], rel, "valid_until") if d.get("valid_until") else None
            self.sets[f[:-5]] = dict(n=len(crit), valid_from=vf, valid_until=vu, inds=inds,
                                     classes=set(d.get("classes") or {}),
                                     names={c["number"]: c["name"] for c in crit})
        # communes and groups
        base = os.path.join(root, "communes")
        for dirpath, dirs, files in os.walk(base):
            dirs.sort()
            grel = os.path.relpath(dirpath, base).replace(os.sep, "/")
            gid = "" if grel == "." else grel
            if gid:
                if "_index.yaml" not in files:
                    problem(f"communes/{gid}: no _index.yaml")
                else:
                    d, rel = self.yaml_file(os.path.join(dirpath, "_index.yaml"))
                    keys_ok(d, "group", rel, ("name",))
                    self.groups[gid] = d
            for f in sorted(files):
                path = os.path.join(dirpath, f)
                if f == "_index.yaml":
                    continue
                stem = f.rsplit(".", 1)[0]
                if not SLUG.match(stem):
                    problem(f"communes/{gid}/{f}: not a slug")
                cid = f"{gid}/{stem}" if gid else stem
                if f.endswith(".md"):
                    continue
                if not f.endswith(".yaml"):
                    problem(f"{self.rel(path)}: not a .yaml file")
                    continue
                d, rel = self.yaml_file(path)
                keys_ok(d, "commune", rel, ("name",))
                d["group"] = gid
                for o in d.get("officers") or []:
                    keys_ok(o, "officer", rel, ("name",))
                    if o.get("until") and as_date(o["until"], rel, "until") < as_date(o["from"], rel, "from"):
                        problem(f"{rel}: officer {o['name']} until before from")
                for r in d.get("recognitions") or []:
                    keys_ok(r, "recognition", rel, ("level", "date", "decision"))
                    if r.get("level") not in ("standard", "advanced", "model"):
                        problem(f"{rel}: recognition level {r.get('level')!r}")
                    r["date"] = as_date(r["date"], rel, "recognition date")
                if "code" in d and not isinstance(d["code"], str):
                    problem(f"{rel}: code is not text")
                self.communes[cid] = d
        # mergers (v1.2): a commune named in N's merged_from ends the day before N's established
        self.ends, self.starts = {}, {}
        for cid, d in sorted(self.communes.items()):
            rel = f"communes/{cid}.yaml"
            if d.get("established") is not None:
                self.starts[cid] = as_date(d["established"], rel, "established")
                if d.get("target_year") and d["target_year"] < self.starts[cid].year:
                    problem(f"{rel}: target_year before established")
            for m in d.get("merged_from") or []:
                if cid not in self.starts:
                    problem(f"{rel}: merged_from without established")
                elif m not in self.communes or m == cid:
                    problem(f"{rel}: merged_from names {m!r}")
                elif m in self.ends:
                    problem(f"{rel}: {m} is in two merged_from lists")
                else:
                    self.ends[m] = self.starts[cid]
                    self.communes[m]["merged_into"] = cid
        for dirpath, _dirs, files in os.walk(base):
            for f in files:
                if f.endswith(".md"):
                    cid = self.rel(os.path.join(dirpath, f))[len("communes/"):-3]
                    if cid not in self.communes:
                        problem(f"communes/{cid}.md: no commune beside it")
        # snapshots
        for f in sorted(os.listdir(os.path.join(root, "progress"))):
            d, rel = self.yaml_file(os.path.join(root, "progress", f))
            keys_ok(d, "snapshot", rel, ())
            date = as_date(f[:-5], rel, "file name")
            if "date" in d and as_date(d["date"], rel, "date") != date:
                problem(f"{rel}: date differs from the file name")
            if "period" in d:
                a, _, b = str(d["period"]).partition("..")
                if as_date(b, rel, "period end") != date or as_date(a, rel, "period start") > date:
                    problem(f"{rel}: period {d['period']} does not end on {date}")
            if "criteria_set" in d:
                sid = d["criteria_set"]
                if sid not in self.sets:
                    problem(f"{rel}: unknown set {sid}")
                s = self.sets[sid]
                if date < s["valid_from"] or (s["valid_until"] and date > s["valid_until"]):
                    print(f"  warning: {rel}: names {sid} outside its dates")
            else:
                force = [k for k, s in self.sets.items()
                         if s["valid_from"] <= date and (not s["valid_until"] or date <= s["valid_until"])]
                if len(force) != 1:
                    problem(f"{rel}: {len(force)} sets in force")
                    continue
                sid = force[0]
            n = self.sets[sid]["n"]
            entries = {}
            if "communes" not in d:
                problem(f"{rel}: no communes")
            for cid, v in (d.get("communes") or {}).items():
                if cid not in self.communes:
                    problem(f"{rel}: unknown commune {cid}")
                    continue
                if not self.exists(cid, date):
                    problem(f"{rel}: {cid} does not exist on {date}")
                cls = self.communes[cid].get("class")
                if self.sets[sid]["classes"] and cls not in self.sets[sid]["classes"]:
                    problem(f"{rel}: {cid} has class {cls!r}, not one of the set's")
                ind = {}
                if isinstance(v, dict):
                    keys_ok(v, "entry", rel, ("met",))
                    ind = {k: v[k] for k in INDICATORS if k in v}
                    for k, x in ind.items():
                        if not isinstance(x, int) or isinstance(x, bool) or x < 0:
                            problem(f"{rel}: {cid} {k} {x!r}")
                    v = v.get("met")
                sinds = self.sets[sid]["inds"]
                if v == "all":
                    met = frozenset(range(1, n + 1))
                elif isinstance(v, list):
                    nums_ = [x for x in v if isinstance(x, int) and not isinstance(x, bool)]
                    ids_ = [x for x in v if isinstance(x, str)]
                    known_ids = {i for sub in sinds.values() for i in sub}
                    if (len(set(v)) != len(v) or len(nums_) + len(ids_) != len(v)
                            or any(not 1 <= x <= n for x in nums_) or any(i not in known_ids for i in ids_)
                            or any(i.split(".")[0] in map(str, nums_) for i in ids_)):
                        problem(f"{rel}: {cid} bad criteria {v}")
                    met = frozenset(nums_) | frozenset(
                        k for k, sub in sinds.items() if all(i in ids_ for i in sub))
                else:
                    problem(f"{rel}: {cid} entry {v!r}")
                    continue
                entries[cid] = (met, ind)
            self.snapshots.append(dict(date=date, set=sid, n=n, entries=entries,
                                       period=d.get("period"), note=d.get("note")))
        # targets
        for f in sorted(os.listdir(os.path.join(root, "targets")) if os.path.isdir(os.path.join(root, "targets")) else []):
            d, rel = self.yaml_file(os.path.join(root, "targets", f))
            keys_ok(d, "target", rel, ("title", "deadline", "measure"))
            d["deadline"] = as_date(d["deadline"], rel, "deadline")
            if d.get("scope") and d["scope"] not in self.groups:
                problem(f"{rel}: unknown scope {d['scope']}")
            if (d["measure"] == "target_year_done") != ("value" not in d):
                problem(f"{rel}: value given/missing for {d['measure']}")
            self.targets[f[:-5]] = d
        if self.lint:
            self.lint_rest()

    def lint_rest(self):
        root = self.root
        dates = {s["date"] for s in self.snapshots}
        for f in os.listdir(os.path.join(root, "bulletins")):
            if as_date(f[:-3], "bulletins/" + f, "file name") not in dates:
                problem(f"bulletins/{f}: no snapshot of that date")
        for slug in sorted(os.listdir(os.path.join(root, "models"))):
            rel = f"models/{slug}/index.md"
            fm, _ = split_front_matter(read_text(os.path.join(root, rel), rel), rel)
            keys_ok(fm, "model", rel, ("title", "kind", "commune", "status", "photos"))
            if fm.get("kind") not in ("residential", "garden"):
                problem(f"{rel}: kind")
            if fm.get("status") not in ("registered", "building", "recognized"):
                problem(f"{rel}: status")
            if fm.get("status") == "recognized" and not fm.get("recognized"):
                problem(f"{rel}: recognized date missing")
            if fm.get("commune") not in self.communes:
                problem(f"{rel}: unknown commune")
            for p in fm.get("photos") or []:
                keys_ok(p, "photo", rel, ("file", "caption"))
                if "/" in p["file"] or not os.path.isfile(os.path.join(root, "models", slug, p["file"])):
                    problem(f"{rel}: photo {p['file']}")
        news = []
        for kind in ("news", "pages"):
            for f in sorted(os.listdir(os.path.join(root, kind))):
                rel = f"{kind}/{f}/index.md" if os.path.isdir(os.path.join(root, kind, f)) else f"{kind}/{f}"
                fm, body = split_front_matter(read_text(os.path.join(root, rel), rel), rel)
                keys_ok(fm, "doc", rel, ("title", "date") if kind == "news" else ("title",))
                for cid in fm.get("communes") or []:
                    if cid not in self.communes:
                        problem(f"{rel}: unknown commune {cid}")
                if fm.get("cover") and not os.path.isfile(os.path.join(os.path.dirname(os.path.join(root, rel)), fm["cover"])):
                    problem(f"{rel}: cover missing")
                if kind == "news":
                    news.append((rel, fm, body))
        self.news = news
        total = 0
        for dirpath, dirs, files in os.walk(root):
            for name in dirs + files:
                stem = name.split(".", 1)[0]
                if name != "_index.yaml" and not SLUG.match(stem):
                    problem(f"{self.rel(os.path.join(dirpath, name))}: name is not a slug")
            for f in files:
                p = os.path.join(dirpath, f)
                total += os.path.getsize(p)
                if f.endswith(".jpg"):
                    size = os.path.getsize(p)
                    if size >= 200_000:
                        problem(f"{self.rel(p)}: {size} bytes")
                elif f.endswith((".md", ".yaml", ".txt", ".svg")) and not self.rel(p).endswith(".yaml"):
                    read_text(p, self.rel(p))
        self.total_bytes = total
        if total > 15_000_000:
            problem(f"content is {total} bytes")


# ------------------------------------------------------------------------------------------------
# The figures
# ------------------------------------------------------------------------------------------------

def round2(num, den):
    """num/den rounded half away from zero to two decimals, as text; exact."""
    neg = (num < 0) != (den < 0)
    q, r = divmod(abs(num) * 100, abs(den))
    if 2 * r >= abs(den):
        q += 1
    s = f"{q // 100}.{q % 100:02d}"
    return "-" + s if neg and q else s


class Figures:
    def __init__(self, content):
        self.c = content
        self.snaps = sorted(content.snapshots, key=lambda s: s["date"])
        self.hist = {cid: [] for cid in content.communes}     # (date, set, met, n)
        for s in self.snaps:
            for cid, (met, _ind) in s["entries"].items():
                self.hist[cid].append((s["date"], s["set"], met, s["n"]))

    def state(self, cid, d):
        if cid in self.c.ends and d >= self.c.ends[cid]:
            return None
        best = None
        for h in self.hist[cid]:
            if h[0] <= d:
                best = h
            else:
                break
        return best

    @staticmethod
    def std(st):
        return st is not None and len(st[2]) == st[3]

    def scope_ids(self, scope, year):
        ids = sorted(self.c.communes)
        if scope == "target":
            ids = [i for i in ids if self.c.communes[i].get("target_year") == year]
        return ids

    def change(self, cid, s):
        """(kind, gained, lost) of commune cid listed in snapshot s."""
        prev = self.state(cid, s["date"] - dt.timedelta(days=1))
        met = s["entries"][cid][0]
        if prev is None:
            return "baseline", frozenset(), frozenset(), None
        if prev[1] != s["set"]:
            return "rebased", frozenset(), frozenset(), prev
        return "change", met - prev[2], prev[2] - met, prev

    def summary(self):
        out = []
        for s in self.snaps:
            row = {"date": s["date"].isoformat()}
            for scope in ("all", "target"):
                ids = self.scope_ids(scope, s["date"].year)
                states = [self.state(i, s["date"]) for i in ids]
                known = [st for st in states if st]
                bands = {"standard": 0, "15+": 0, "10-14": 0, "5-9": 0, "0-4": 0}
                for st in known:
                    k = len(st[2])
                    if k == st[3]:
                        bands["standard"] += 1
                    elif k >= 15:
                        bands["15+"] += 1
                    elif k >= 10:
                        bands["10-14"] += 1
                    elif k >= 5:
                        bands["5-9"] += 1
                    else:
                        bands["0-4"] += 1
                r = dict(known=len(known), meets_standard=sum(self.std(st) for st in known),
                         average_met=float(round2(sum(len(st[2]) for st in known), len(known))) if known else None,
                         bands=bands, reporting=0, communes_gained=0, criteria_gained=0,
                         communes_lost=0, criteria_lost=0, no_gain=0, baseline=0, rebased=0)
                for cid in ids:
                    if cid not in s["entries"]:
                        continue
                    r["reporting"] += 1
                    kind, g, lo, _ = self.change(cid, s)
                    if kind == "baseline":
                        r["baseline"] += 1
                    elif kind == "rebased":
                        r["rebased"] += 1
                    r["communes_gained"] += bool(g)
                    r["criteria_gained"] += len(g)
                    r["communes_lost"] += bool(lo)
                    r["criteria_lost"] += len(lo)
                r["no_gain"] = r["known"] - r["communes_gained"]
                row[scope] = r
            out.append(row)
        return out

    def changes(self):
        rows = []
        for s in self.snaps:
            for cid in sorted(s["entries"]):
                kind, g, lo, prev = self.change(cid, s)
                if kind == "change" and (g or lo):
                    rows.append(dict(date=s["date"].isoformat(), commune_id=cid,
                                     gained=";".join(map(str, sorted(g))), lost=";".join(map(str, sorted(lo))),
                                     met_before=str(len(prev[2])), met_after=str(len(s["entries"][cid][0]))))
        return rows

    def years(self):
        if not self.snaps:
            return []
        L = self.snaps[-1]["date"]
        rows = []
        for y in range(self.snaps[0]["date"].year, L.year + 1):
            E = L if y == L.year else dt.date(y, 12, 31)
            S = dt.date(y - 1, 12, 31)
            known = std = new = comp = gain = 0
            mins = []
            for cid in sorted(self.c.communes):
                e, s = self.state(cid, E), self.state(cid, S)
                if not e:
                    continue
                known += 1
                mins.append(len(e[2]))
                std += self.std(e)
                new += self.std(e) and not self.std(s)
                if s and s[1] == e[1]:
                    comp += 1
                    gain += len(e[2]) - len(s[2])
            rows.append(dict(year=str(y), end=E.isoformat(), known=str(known), meets_standard=str(std),
                             newly_standard=str(new), compared=str(comp),
                             average_gain=round2(gain, comp) if comp else "",
                             min_met=str(min(mins)) if mins else ""))
        return rows

    def in_scope(self, scope, d=None):
        ids = sorted(self.c.communes) if not scope else \
            sorted(i for i in self.c.communes if i.startswith(scope + "/"))
        return [i for i in ids if d is None or self.c.exists(i, d)]

    def holds(self, t, d):
        """(holds, shortfall) of target t on date d."""
        m, k, scope = t["measure"], t.get("value"), t.get("scope") or ""
        ids = self.in_scope(scope, d)
        if m == "min_met":
            below = [i for i in ids if self.state(i, d) and len(self.state(i, d)[2]) < k]
            return not below, len(below)
        if m == "standard_count":
            n = sum(self.std(self.state(i, d)) for i in ids)
            return n >= k, max(0, k - n)
        if m == "standard_per_group":
            prefix = scope + "/" if scope else ""
            direct = sorted(g for g in self.c.groups if g.startswith(prefix) and "/" not in g[len(prefix):])
            short = 0
            for g in direct:
                if self.in_scope(g) and not self.in_scope(g, d):
                    continue          # v1.2: every commune of the group has merged away
                n = sum(self.std(self.state(i, d)) for i in self.in_scope(g, d))
                short += n < k
            return short == 0, short
        if m == "target_year_done":
            y = t["deadline"].year
            miss = [i for i in ids if self.c.communes[i].get("target_year") == y
                    and not self.std(self.state(i, d))]
            return not miss, len(miss)
        raise ValueError(m)

    def targets(self):
        L = self.snaps[-1]["date"] if self.snaps else None
        rows = []
        for tid, t in sorted(self.c.targets.items(), key=lambda kv: (kv[1]["deadline"], kv[0])):
            if L is None:
                ok, short = self.holds(t, dt.date.min)
                status, on = "open", ""
            elif t["deadline"] <= L:
                ok, short = self.holds(t, t["deadline"])
                status, on = ("achieved" if ok else "missed"), t["deadline"].isoformat()
            else:
                ok, short = self.holds(t, L)
                status, on = "open", L.isoformat()
            rows.append(dict(id=tid, title=t["title"], deadline=t["deadline"].isoformat(),
                             scope=t.get("scope") or "", measure=t["measure"],
                             value="" if t.get("value") is None else str(t["value"]),
                             status=status, evaluated_on=on, shortfall=str(short)))
        return rows

    def communes_rows(self):
        rows = []
        rank = {"standard": 0, "advanced": 1, "model": 2}
        for cid in sorted(self.c.communes):
            c = self.c.communes[cid]
            h = self.hist[cid]
            last = h[-1] if h else None
            recs = sorted(c.get("recognitions") or [], key=lambda r: (r["date"], rank[r["level"]]))
            rec = recs[-1] if recs else None
            rows.append(dict(id=cid, name=c["name"], group=c["group"],
                             latest_date=last[0].isoformat() if last else "",
                             criteria_set=last[1] if last else "",
                             met_count=str(len(last[2])) if last else "",
                             criteria_total=str(last[3]) if last else "",
                             met=";".join(map(str, sorted(last[2]))) if last else "",
                             meets_standard=("true" if self.std(last) else "false") if last else "",
                             target_year=str(c.get("target_year") or ""),
                             recognized_level=rec["level"] if rec else "",
                             recognized_date=rec["date"].isoformat() if rec else "",
                             code=c.get("code") or ""))
        return rows


# ------------------------------------------------------------------------------------------------
# Comparing with a worked example
# ------------------------------------------------------------------------------------------------

def compare_example(example):
    content = Content(os.path.join(example, "content"), lint=False)
    f = Figures(content)
    exp = os.path.join(example, "expected")

    def read_csv(name):
        text = open(os.path.join(exp, name), encoding="utf-8-sig").read()
        return list(csv.DictReader(io.StringIO(text)))

    bad = 0
    for name, got in (("changes.csv", f.changes()), ("years.csv", f.years()),
                      ("targets.csv", f.targets()), ("communes.csv", f.communes_rows())):
        want = read_csv(name)
        if [dict(r) for r in want] != got:
            bad += 1
            print(f"{name}: differs")
            for a, b in zip(want, got):
                if dict(a) != b:
                    print("  want", dict(a), "\n  got ", b)
        else:
            print(f"{name}: agrees ({len(got)} rows)")
    want = json.load(open(os.path.join(exp, "summary.json"), encoding="utf-8"))
    if want != f.summary():
        bad += 1
        print("summary.json: differs")
    else:
        print(f"summary.json: agrees ({len(want)} dates)")
    return bad == 0


# ------------------------------------------------------------------------------------------------
# The seed facts
# ------------------------------------------------------------------------------------------------

def check(cond, label):
    print(f"  [{'ok' if cond else 'FAIL'}] {label}")
    if not cond:
        problem(label)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--example":
        sys.exit(0 if compare_example(sys.argv[2]) else 1)
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "content"))
    content = Content(root)
    f = Figures(content)
    C = content.communes
    snaps = f.snaps
    L = snaps[-1]["date"]
    print(f"content: {root}")
    print(f"  {len(content.groups)} groups ({sum('/' not in g for g in content.groups)} directly under communes/), "
          f"{len(C)} communes, {len(snaps)} snapshots {snaps[0]['date']}..{L}, "
          f"{len(content.targets)} targets, {len(content.news)} news, {content.total_bytes / 1e6:.1f} MB")
    never = [cid for cid in C if not f.hist[cid]]
    once = [cid for cid in C if len(f.hist[cid]) == 1]
    print(f"  never listed: {never}; listed once: {once}")
    summary = {r["date"]: r for r in f.summary()}
    changes = f.changes()
    losses = [r for r in changes if r["lost"]]
    print(f"  change rows: {len(changes)}, of which with a loss: {len(losses)}")

    print("\nWeek 21–27/8/2015 (seed 000)")
    s = next((s for s in snaps if s["date"] == dt.date(2015, 8, 27)), None)
    check(s is not None and s["period"] == "2015-08-21..2015-08-27", "snapshot 2015-08-27 with period 2015-08-21..2015-08-27")
    t15 = [cid for cid in C if C[cid].get("target_year") == 2015]
    check(len(t15) == 26 and all(f.state(cid, dt.date(2015, 8, 27)) for cid in t15),
          f"26 communes with target_year 2015, all known (got {len(t15)})")
    tg = summary["2015-08-27"]["target"]
    print(f"  target scope: {json.dumps(tg, ensure_ascii=False)}")
    want = dict(known=26, reporting=26, communes_gained=10, criteria_gained=21, communes_lost=0,
                no_gain=16, baseline=0, rebased=0)
    check(all(tg[k] == v for k, v in want.items()), f"target scope {want}")
    kind, g, lo, _ = f.change("ky-anh/ky-thu", s) if s and "ky-anh/ky-thu" in s["entries"] else ("absent", (), (), None)
    check(kind == "change" and sorted(g) == [5, 8, 13, 19] and not lo,
          f"Kỳ Thư gains {sorted(g)} ({', '.join(content.sets[s['set']]['names'][n] for n in sorted(g))})")
    print(f"  all scope: {json.dumps(summary['2015-08-27']['all'], ensure_ascii=False)}")

    print("\nKỳ Tân and Yên Hồ (seed 002)")
    for cid, year0, year_std in (("ky-anh/ky-tan", 2011, 2013), ("duc-tho/yen-ho", 2012, 2014)):
        h = f.hist[cid]
        early = [len(x[2]) for x in h if x[0].year == year0]
        first_std = next((x[0] for x in h if len(x[2]) == x[3]), None)
        recs = [r for r in C[cid].get("recognitions") or [] if r["level"] == "standard"]
        rec = recs[0]["date"] if recs else None
        check(early and all(n == 6 for n in early), f"{C[cid]['name']}: {year0} reports meet {early}")
        check(first_std and first_std.year == year_std, f"{C[cid]['name']}: reaches the standard on {first_std}")
        check(rec and rec.year == year_std and rec > first_std and rec.month == 12,
              f"{C[cid]['name']}: recognised (standard) on {rec}: {recs[0]['decision'] if recs else None}")
        check(DUK in (C[cid].get("sponsors") or []), f"{C[cid]['name']}: sponsored by {DUK}")

    print("\nEnd of 2014 (seed 002)")
    years = {r["year"]: r for r in f.years()}
    y14 = years["2014"]
    print(f"  year review 2014: {y14}")
    last14 = max(s["date"] for s in snaps if s["date"].year == 2014)
    std_last14 = [cid for cid in C if f.std(f.state(cid, last14))]
    check(len(std_last14) == 26, f"26 communes meet the standard at the last snapshot of 2014 ({last14}): {len(std_last14)}")
    check(y14["end"] == "2014-12-31" and y14["meets_standard"] == "26", "year review 2014: end 2014-12-31, meets_standard 26")
    check(int(y14["min_met"]) >= 5, f"year review 2014: min_met {y14['min_met']} >= 5")
    check(y14["average_gain"] == "2.70", f"year review 2014: average_gain {y14['average_gain']} over {y14['compared']} communes")
    std14 = [cid for cid in C if f.std(f.state(cid, dt.date(2014, 12, 31)))]
    bloc = [cid for cid in std14 if set(C[cid].get("sponsors") or []) & BLOC]
    check(len(bloc) == 20, f"of the 26, {len(bloc)} sponsored by agencies of the Đảng bộ Khối các cơ quan tỉnh")
    for agency, cid in NAMED_PAIRS:
        check(agency in (C[cid].get("sponsors") or []),
              f"{agency} → {C[cid]['name']} ({cid}){' [standard end 2014]' if cid in std14 else ''}")
    prod = eff = 0
    for cid in C:
        lp = le = None
        for s in snaps:
            if s["date"] > dt.date(2014, 12, 31):
                break
            ind = s["entries"].get(cid, (None, {}))[1]
            if "production_models" in ind:
                lp = ind["production_models"]
            if "efficient_models" in ind:
                le = ind["efficient_models"]
        prod += lp or 0
        eff += le or 0
    check(prod == 5556 and eff == 3036, f"indicators as of 2014-12-31: production_models {prod}, efficient_models {eff}")
    news_text = " ".join(b for _r, _fm, b in content.news)
    check("386 khu" in news_text and "430 vườn mẫu" in news_text, "a news article mentions 386 khu dân cư kiểu mẫu and 430 vườn mẫu")

    print("\nSeconded officers (seed 003, applied for illustration)")
    sec = [cid for cid in C if any("biệt phái" in (o.get("role") or "") for o in C[cid].get("officers") or [])]
    end17 = dt.date(2017, 12, 28)     # the seed's figure is as of the end of 2017
    sec_std = [cid for cid in sec if f.std(f.state(cid, end17))]
    check(len(sec) == 20 and len(sec_std) == 13, f"{len(sec)} communes with a seconded officer, {len(sec_std)} meet the standard on {end17}")
    followers = [cid for cid in t15 if sum(o.get("role") == "cán bộ phụ trách" for o in C[cid].get("officers") or []) == 1]
    check(len(followers) == 26, "one 'cán bộ phụ trách' per 2015 target commune")

    print("\nRecognitions")
    bad = []
    for cid in C:
        first_std = next((x[0] for x in f.hist[cid] if len(x[2]) == x[3]), None)
        recs = sorted(r["date"] for r in C[cid].get("recognitions") or [] if r["level"] == "standard")
        if first_std and (not recs or recs[0] <= first_std):
            bad.append(cid)
        if recs and not first_std:
            bad.append(cid)
    n_rec = sum(1 for cid in C if C[cid].get("recognitions"))
    n_adv = sum(1 for cid in C for r in C[cid].get("recognitions") or [] if r["level"] == "advanced")
    check(not bad, f"every commune that met the standard is recognised after it ({n_rec} recognised, {n_adv} advanced); bad: {bad[:5]}")

    print("\nSnapshots")
    rebase = [s for s in snaps if any(f.change(cid, s)[0] == "rebased" for cid in s["entries"])]
    for s in rebase[:3]:
        print(f"  {s['date']}: all scope {json.dumps(summary[s['date'].isoformat()]['all'], ensure_ascii=False)}")
    check(all(s["set"] == "qd-491-2009" for s in snaps if s["date"] <= dt.date(2016, 10, 14))
          and all(s["set"] == "qd-1980-2016" for s in snaps if dt.date(2016, 10, 17) <= s["date"] <= dt.date(2022, 3, 7))
          and all(s["set"] == "qd-318-2022" for s in snaps if dt.date(2022, 3, 8) <= s["date"] <= dt.date(2026, 2, 14))
          and all(s["set"] == "qd-51-2025" for s in snaps if s["date"] >= dt.date(2026, 2, 15)),
          "qd-491-2009 until 2016-10-14, qd-1980-2016 until 2022-03-07, qd-318-2022 until 2026-02-14, qd-51-2025 after")

    print("\nThe merger of 1/7/2025 and the 2026–2030 set")
    E = dt.date(2025, 7, 1)
    new = sorted(cid for cid in C if content.starts.get(cid) == E)
    former = sorted(content.ends)
    check(len(new) > 0 and all("/" not in cid for cid in new), f"{len(new)} units formed on 2025-07-01, directly under communes/")
    check(all(content.ends[cid] == E for cid in former) and
          all(cid in content.ends for cid in C if "/" in cid and C[cid].get("class") is None),
          f"{len(former)} former communes, every commune of 2017 but those kept merged on 2025-07-01")
    check(not any(s["entries"].get(cid) for s in snaps if s["date"] >= E for cid in former),
          "no former commune is listed from 2025-07-01 on")
    s51 = content.sets["qd-51-2025"]
    check(s51["n"] == 10 and sum(len(v) for v in s51["inds"].values()) == 47 and s51["classes"] == {1, 2, 3},
          "qd-51-2025: 10 criteria, 47 indicators, classes 1-3")
    stale = [cid for cid in C if f.state(cid, L) and (L - f.state(cid, L)[0]).days > 90]
    check(len(stale) >= 3, f"stale on {L} (more than 90 days): {stale}")
    print(f"  all scope on {L}: {json.dumps(summary[L.isoformat()]['all'], ensure_ascii=False)}")
    print("\nYear review")
    for r in f.years():
        print(f"  {r}")
    print("\nTargets")
    tg = {r["id"]: r for r in f.targets()}
    for r in tg.values():
        print(f"  {r['id']}: {r['measure']} {r['value']} by {r['deadline']} -> {r['status']} on {r['evaluated_on']}, shortfall {r['shortfall']}")
    check("moi-huyen-xa-chuan-2014" in tg and tg["moi-huyen-xa-chuan-2014"]["measure"] == "standard_per_group"
          and tg["moi-huyen-xa-chuan-2014"]["value"] == "1" and tg["moi-huyen-xa-chuan-2014"]["deadline"] == "2014-12-31",
          "target moi-huyen-xa-chuan-2014 (standard_per_group 1 by 2014-12-31)")
    check(tg.get("khong-xa-duoi-7", {}).get("value") == "7" and tg["khong-xa-duoi-7"]["deadline"] == "2015-06-30",
          "target khong-xa-duoi-7 (min_met 7 by 2015-06-30)")
    check(tg.get("ve-dich-2015", {}).get("measure") == "target_year_done", "target ve-dich-2015 (target_year_done)")
    check(any(r["status"] == "open" for r in tg.values()), "an open target")
    check(any(r["scope"] for r in tg.values()), "a target with a scope")

    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems[:40]:
            print(f"  {p}")
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
