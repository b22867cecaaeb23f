"""The sample province from 2018 to 2026: imported by gen_sample.py, which calls `extend`.

What is real (as far as the search tool found it, see docs/sample-2026.md):
* the sets and their dates (sets/, docs/sets.md): QĐ 1980/QĐ-TTg 2016 until 07/3/2022, QĐ 318/QĐ-TTg
  from 08/3/2022, QĐ 51/2025/QĐ-TTg from 15/02/2026;
* the merger of 1 July 2025 (Nghị quyết số 1665/NQ-UBTVQH15 of the UBTVQH on rearranging the
  commune-level units of Hà Tĩnh in 2025): the names of the new communes and wards and, for the
  units named in it, which former units each new one was formed from (MERGER_2025, as transcribed
  in a public repository; not checked against the resolution's own text);
* Sơn Kim 1 and Sơn Kim 2 were not rearranged. Like every unit of 1/7/2025 they are no longer in a
  district: the sample gives each a commune of its own from that date (`son-kim-1`, established
  2025-07-01, merged_from its commune of before), which continues its reports.

What is illustrative: everything else. In particular the sample's communes are those of about
2015; many of them were first merged in 2019–2020, and the resolution of 2025 names the merged
units (Bùi La Nhân, Quang Vĩnh, ...), not the sample's communes. The sample folds those steps into
the one merger of 1/7/2025: a former commune whose name is not in the resolution is given to the
new commune whose predecessor's name holds its distinctive word (Bùi Xá, Đức La and Đức Nhân ->
Bùi La Nhân -> Đức Quang), and the few left over to a new commune of their district. The
generated table (docs/sample-2026.md) says for each former commune which of the three it is.
Which criteria and indicators each commune meets, the commune classes, target years, reporting
rhythm and the communes that stop reporting are invented.

A separate random generator is used, so that the content of 2011–2017 stays byte for byte what it
was (tools/check_sample.py checks its seed facts).
"""

import datetime as dt
import random

D = dt.date.fromisoformat
SEED_C = 20250701

FIRST = D("2018-01-04")
LAST = D("2026-11-26")            # the last Thursday before the session's "today" (December 2026)
LAST_1980 = D("2022-03-03")       # QĐ 1980 in force until 07/3/2022 (sets/qd-1980-2016.yaml)
REBASE_318 = D("2022-03-10")      # province-wide re-assessment under QĐ 318
MERGER = D("2025-07-01")
FIRST_NEW = D("2025-07-03")       # the new communes' first report (a baseline)
REBASE_51 = D("2026-02-19")       # the first Thursday under QĐ 51 (in force 15/02/2026)
TET_SKIP = {D("2018-02-15"), D("2019-02-07"), D("2020-01-23"), D("2021-02-11"), D("2022-02-03"),
            D("2023-01-26"), D("2024-02-08"), D("2025-01-30"), D("2026-02-19") - dt.timedelta(days=7)}
STALE_FROM = D("2026-07-30")      # some new communes send nothing after this date

# Nghị quyết số 1665/NQ-UBTVQH15 (2025), as transcribed in a public repository:
# (former district, [units merged], new unit, kind). Only the units of the sample's districts.
MERGER_2025 = [
    ("Thạch Hà", ["Tượng Sơn", "Thạch Thắng", "Thạch Lạc"], "Thạch Lạc", "xã"),
    ("Thạch Hà", ["Thạch Trị", "Thạch Hội", "Thạch Văn"], "Đồng Tiến", "xã"),
    ("Thạch Hà", ["Đỉnh Bàn", "Thạch Hải", "Thạch Khê"], "Thạch Khê", "xã"),
    ("Thạch Hà", ["Cẩm Vịnh", "Thạch Bình", "Cẩm Thành", "Cẩm Bình"], "Cẩm Bình", "xã"),
    ("Kỳ Anh", ["Kỳ Phong", "Kỳ Bắc", "Kỳ Xuân"], "Kỳ Xuân", "xã"),
    ("Kỳ Anh", ["Kỳ Đồng", "Kỳ Giang", "Kỳ Tiến", "Kỳ Phú"], "Kỳ Anh", "xã"),
    ("Kỳ Anh", ["Kỳ Tân", "Kỳ Hoa"], "Kỳ Hoa", "xã"),
    ("Kỳ Anh", ["Kỳ Tây", "Kỳ Trung", "Kỳ Văn"], "Kỳ Văn", "xã"),
    ("Kỳ Anh", ["Kỳ Thọ", "Kỳ Thư", "Kỳ Khang"], "Kỳ Khang", "xã"),
    ("Kỳ Anh", ["Lâm Hợp", "Kỳ Lạc"], "Kỳ Lạc", "xã"),
    ("Kỳ Anh", ["Kỳ Sơn", "Kỳ Thượng"], "Kỳ Thượng", "xã"),
    ("Cẩm Xuyên", ["Cẩm Quang", "Cẩm Quan"], "Cẩm Xuyên", "xã"),
    ("Cẩm Xuyên", ["Nam Phúc Thăng", "Cẩm Nhượng"], "Thiên Cầm", "xã"),
    ("Cẩm Xuyên", ["Cẩm Mỹ", "Cẩm Thạch", "Cẩm Duệ"], "Cẩm Duệ", "xã"),
    ("Cẩm Xuyên", ["Cẩm Thịnh", "Cẩm Hà", "Cẩm Hưng"], "Cẩm Hưng", "xã"),
    ("Cẩm Xuyên", ["Cẩm Minh", "Cẩm Sơn", "Cẩm Lạc"], "Cẩm Lạc", "xã"),
    ("Cẩm Xuyên", ["Cẩm Lĩnh", "Cẩm Lộc", "Cẩm Trung"], "Cẩm Trung", "xã"),
    ("Cẩm Xuyên", ["Cẩm Dương", "Yên Hòa"], "Yên Hòa", "xã"),
    ("Thạch Hà", ["Thạch Long", "Thạch Sơn"], "Thạch Hà", "xã"),
    ("Thạch Hà", ["Ngọc Sơn", "Lưu Vĩnh Sơn"], "Toàn Lưu", "xã"),
    ("Thạch Hà", ["Việt Tiến", "Thạch Ngọc"], "Việt Xuyên", "xã"),
    ("Thạch Hà", ["Thạch Kênh", "Thạch Liên", "Ích Hậu"], "Đông Kinh", "xã"),
    ("Thạch Hà", ["Nam Điền", "Thạch Xuân"], "Thạch Xuân", "xã"),
    ("Lộc Hà", ["Bình An", "Thịnh Lộc", "Thạch Kim"], "Lộc Hà", "xã"),
    ("Lộc Hà", ["Tân Lộc", "Hồng Lộc"], "Hồng Lộc", "xã"),
    ("Lộc Hà", ["Thạch Mỹ", "Thạch Châu", "Phù Lưu", "Mai Phụ"], "Mai Phụ", "xã"),
    ("Can Lộc", ["Thiên Lộc", "Vượng Lộc"], "Can Lộc", "xã"),
    ("Can Lộc", ["Thuần Thiện", "Tùng Lộc"], "Tùng Lộc", "xã"),
    ("Can Lộc", ["Khánh Vĩnh Yên", "Thanh Lộc", "Gia Hanh"], "Gia Hanh", "xã"),
    ("Can Lộc", ["Kim Song Trường", "Thường Nga", "Phú Lộc"], "Trường Lưu", "xã"),
    ("Can Lộc", ["Sơn Lộc", "Quang Lộc", "Xuân Lộc"], "Xuân Lộc", "xã"),
    ("Can Lộc", ["Thượng Lộc", "Mỹ Lộc"], "Đồng Lộc", "xã"),
    ("Nghi Xuân", ["Xuân Yên", "Xuân Mỹ", "Xuân Thành"], "Tiên Điền", "xã"),
    ("Nghi Xuân", ["Xuân Giang", "Xuân Hồng", "Xuân Viên", "Xuân Lĩnh"], "Nghi Xuân", "xã"),
    ("Nghi Xuân", ["Cương Gián", "Xuân Liên", "Cổ Đạm"], "Cổ Đạm", "xã"),
    ("Nghi Xuân", ["Đan Trường", "Xuân Hải", "Xuân Hội", "Xuân Phổ"], "Đan Hải", "xã"),
    ("Đức Thọ", ["Tùng Ảnh", "Hòa Lạc", "Tân Dân"], "Đức Thọ", "xã"),
    ("Đức Thọ", ["Đức Lạng", "Tân Hương", "Đức Đồng"], "Đức Đồng", "xã"),
    ("Đức Thọ", ["Quang Vĩnh", "Bùi La Nhân", "Yên Hồ"], "Đức Quang", "xã"),
    ("Đức Thọ", ["Thanh Bình Thịnh", "Lâm Trung Thủy", "An Dũng"], "Đức Thịnh", "xã"),
    ("Đức Thọ", ["Trường Sơn", "Tùng Châu", "Liên Minh"], "Đức Minh", "xã"),
    ("Hương Sơn", ["Sơn Phú", "Sơn Bằng", "Sơn Ninh", "Sơn Trung"], "Hương Sơn", "xã"),
    ("Hương Sơn", ["Sơn Tây"], "Sơn Tây", "xã"),
    ("Hương Sơn", ["Châu Bình", "Tân Mỹ Hà", "Mỹ Long"], "Tứ Mỹ", "xã"),
    ("Hương Sơn", ["Sơn Lâm", "Quang Diệm", "Sơn Giang"], "Sơn Giang", "xã"),
    ("Hương Sơn", ["Sơn Lễ", "An Hòa Thịnh", "Sơn Tiến"], "Sơn Tiến", "xã"),
    ("Hương Sơn", ["Sơn Lĩnh", "Sơn Hồng"], "Sơn Hồng", "xã"),
    ("Hương Sơn", ["Hàm Trường", "Kim Hoa"], "Kim Hoa", "xã"),
    ("Vũ Quang", ["Hương Minh", "Quang Thọ", "Thọ Điền"], "Vũ Quang", "xã"),
    ("Vũ Quang", ["Ân Phú", "Đức Giang", "Đức Lĩnh"], "Mai Hoa", "xã"),
    ("Vũ Quang", ["Đức Bồng", "Đức Hương", "Đức Liên"], "Thượng Đức", "xã"),
    ("Hương Khê", ["Hương Long", "Phú Gia"], "Hương Khê", "xã"),
    ("Hương Khê", ["Hương Giang", "Hương Thủy", "Gia Phố"], "Hương Phố", "xã"),
    ("Hương Khê", ["Lộc Yên", "Hương Trà", "Hương Đô"], "Hương Đô", "xã"),
    ("Hương Khê", ["Điền Mỹ", "Hà Linh"], "Hà Linh", "xã"),
    ("Hương Khê", ["Hòa Hải", "Phúc Đồng", "Hương Bình"], "Hương Bình", "xã"),
    ("Hương Khê", ["Hương Trạch", "Hương Liên", "Phúc Trạch"], "Phúc Trạch", "xã"),
    ("Hương Khê", ["Hương Lâm", "Hương Vĩnh", "Hương Xuân"], "Hương Xuân", "xã"),
    ("Hà Tĩnh", ["Thạch Hưng"], "Thành Sen", "phường"),
    ("Hà Tĩnh", ["Thạch Trung", "Đồng Môn", "Thạch Hạ", "Hộ Độ"], "Trần Phú", "phường"),
    ("Hà Tĩnh", ["Tân Lâm Hương", "Thạch Đài"], "Hà Huy Tập", "phường"),
    ("Kỳ Anh (thị xã)", ["Kỳ Lợi"], "Vũng Áng", "phường"),
    ("Kỳ Anh (thị xã)", ["Hưng Trí"], "Sông Trí", "phường"),
    ("Kỳ Anh (thị xã)", ["Kỳ Nam"], "Hoành Sơn", "phường"),
    ("Kỳ Anh (thị xã)", ["Kỳ Ninh", "Kỳ Hà", "Kỳ Hải"], "Hải Ninh", "phường"),
    ("Hồng Lĩnh", ["Xuân Lam"], "Bắc Hồng Lĩnh", "phường"),
    ("Hồng Lĩnh", ["Thuận Lộc"], "Nam Hồng Lĩnh", "phường"),
]
NOT_REARRANGED = ["Sơn Kim 1", "Sơn Kim 2"]

# Words shared by many names, which say nothing about a composite name's parts.
COMMON = {"Sơn", "Đức", "Kỳ", "Cẩm", "Thạch", "Xuân", "Hương", "Lộc"}

# Illustrative classes (xã nhóm) under QĐ 51: 1 for the communes formed around a district town,
# 3 for a few mountain and border communes, 2 for the others.
CLASS_1 = {"Kỳ Anh", "Cẩm Xuyên", "Thiên Cầm", "Thạch Hà", "Lộc Hà", "Can Lộc", "Đồng Lộc",
           "Tiên Điền", "Nghi Xuân", "Đức Thọ", "Hương Sơn", "Sơn Tây", "Vũ Quang", "Hương Khê"}
CLASS_3 = {"Sơn Kim 1", "Sơn Kim 2", "Sơn Hồng", "Kim Hoa", "Phúc Trạch", "Hương Xuân",
           "Thượng Đức", "Kỳ Thượng", "Kỳ Lạc"}


def thursdays(first, last):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=7)


DATES_C = [d for d in thursdays(FIRST, LAST) if d not in TET_SKIP]


def set_on(d):
    if d <= LAST_1980:
        return "qd-1980-2016"
    if d < REBASE_51:
        return "qd-318-2022"
    return "qd-51-2025"


def plan_merger(communes, slugify, district_of_name):
    """Which new unit each former commune of the sample went into, and how that was found.

    Returns (units, into, how): units = {new_id: dict(name, kind, members)}, into = {old_id:
    new_id}, how = {old_id: "named" | "inferred" | "illustrative"}."""
    units, into, how = {}, {}, {}
    by_district = {}
    for cid in sorted(communes):
        c = communes[cid]
        if c.name in NOT_REARRANGED:
            continue
        by_district.setdefault(district_of_name[c.district], []).append(cid)
    free = {cid for cids in by_district.values() for cid in cids}

    def take(cid, nid, why):
        free.discard(cid)
        into[cid] = nid
        how[cid] = why
        units[nid]["members"].append(cid)

    for _dist, _olds, new, kind in MERGER_2025:
        nid = slugify(new)
        units.setdefault(nid, dict(name=new, kind=kind, members=[], district=_dist))
    # 1. the former commune's own name is in the resolution (anywhere in the province)
    for dist, olds, new, kind in MERGER_2025:
        nid = slugify(new)
        for old in olds:
            hits = [cid for cid in sorted(free) if communes[cid].name == old]
            if len(hits) == 1:
                take(hits[0], nid, "named")
    # 2. a composite name of 2019-2020 that holds the former commune's distinctive words
    for dist, olds, new, kind in MERGER_2025:
        nid = slugify(new)
        for old in olds:
            words = set(old.split())
            if any(communes[cid].name == old for cid in communes):
                continue
            for cid in by_district.get(dist, []):
                if cid not in free:
                    continue
                own = set(communes[cid].name.split()) - COMMON
                if own & words:
                    take(cid, nid, "inferred")
    # 3. the rest: the new commune of the same district with the fewest members
    for dist, cids in sorted(by_district.items()):
        cands = sorted({slugify(new) for d2, _o, new, kind in MERGER_2025
                        if d2 == dist and kind == "xã"}) or \
            sorted({slugify(new) for d2, _o, new, kind in MERGER_2025 if d2 == dist})
        for cid in cids:
            if cid in free:
                nid = min(cands, key=lambda n: (len(units[n]["members"]), n))
                take(cid, nid, "illustrative")
    units = {nid: u for nid, u in units.items() if u["members"]}
    return units, into, how


IND_318 = {2: ["2.1", "2.2", "2.3", "2.4"]}
# QĐ 51: indicators per criterion, as in sets/qd-51-2025.yaml (2+10+5+3+7+4+4+6+3+3 = 47)
IND_51 = {n: [f"{n}.{k}" for k in range(1, m + 1)]
          for n, m in zip(range(1, 11), [2, 10, 5, 3, 7, 4, 4, 6, 3, 3])}
ALL_51 = [i for n in range(1, 11) for i in IND_51[n]]


def items_of(crits, inds, ind_map):
    """The snapshot list: a criterion's number when all of its indicators are met (or it has
    none), its met indicators one by one otherwise. Indicator ids are quoted."""
    out = []
    for n in sorted(set(crits) | {int(i.split(".")[0]) for i in inds}):
        sub = ind_map.get(n)
        if n in crits or (sub and all(i in inds for i in sub)):
            out.append(str(n))
        elif sub:
            out += [f'"{i}"' for i in sub if i in inds]
    return out


def criteria_met(crits, inds, ind_map):
    """Criteria met through their number, and those whose indicators are all met one by one."""
    return set(crits) | {n for n, sub in ind_map.items() if all(i in inds for i in sub)}


def extend(w, communes, met_2017, slugify, district_of_name, ys):
    """Writes the communes formed on 1/7/2025, and the snapshots of 2018-01-04 .. LAST.
    `met_2017[cid]` is the commune's met set on 2017-12-28 (None when it has no state); the
    former communes' files are not touched. Returns (units, into, how, kept) for the docs."""
    rng = random.Random(SEED_C)
    units, into, how = plan_merger(communes, slugify, district_of_name)
    olds = sorted(cid for cid in communes if met_2017.get(cid) is not None
                  and communes[cid].name not in NOT_REARRANGED)
    kept = sorted(cid for cid in communes if communes[cid].name in NOT_REARRANGED)
    xa = sorted(nid for nid, u in units.items() if u["kind"] == "xã")
    for nid in xa:
        units[nid]["target_year"] = rng.choice([2026, 2026, 2027, 2027, 2028, 2029, 2030])
    year_ends = {max(d for d in DATES_C if d.year == y) for y in range(2018, 2027)}
    year_ends.discard(LAST)
    phase = {}
    for cid in olds + kept + xa:
        phase[cid] = rng.randrange(7)

    # States. crit: criteria met through their number; ind: indicators met one by one.
    crit, ind = {}, {}
    for cid in olds + kept:
        crit[cid], ind[cid] = set(met_2017[cid]), set()
    order = {cid: list(communes[cid].order_b) for cid in olds + kept}
    reach = {}
    for cid in olds + kept:
        ty = communes[cid].target_year or 2020
        y = max(2018, min(2022, ty + rng.choice([0, 0, 0, 1, 1, 2, 3])))
        reach[cid] = D(f"{y}-01-01") + dt.timedelta(days=rng.randrange(0, 330 if y < 2022 else 55))
    start = {}
    ord318, reach318 = {}, {}

    def progress(cid, d, t0, t1, n0, ordr, total, keep_below):
        """Criteria met on d when the count grows from n0 on t0 to `total` on t1."""
        if d >= t1:
            return total
        span = max((t1 - t0).days, 1)
        return min(keep_below, n0 + (total - n0) * (d - t0).days // span)

    stale = set(rng.sample(xa, 4)) | {kept[0]}
    recognised = {cid for cid in communes if communes[cid].recognitions}
    first_std = {}
    listed = []
    for k, d in enumerate(DATES_C):
        sid = set_on(d)
        entries = []
        everyone = d in year_ends or d in (REBASE_318, REBASE_51)
        units_now = (olds + kept) if d < MERGER else (kept + xa)
        for cid in units_now:
            if d > STALE_FROM and cid in stale:
                continue
            if not (everyone or (d == FIRST_NEW and cid in xa) or (k + phase[cid]) % 7 == 0
                    or rng.random() < 0.015):
                continue
            if sid == "qd-1980-2016":
                n = progress(cid, d, D("2017-12-28"), reach[cid], len(met_2017[cid]), order[cid], 19, 18)
                for c in order[cid]:
                    if len(crit[cid]) >= n:
                        break
                    crit[cid].add(c)
                entries.append((cid, items_of(crit[cid], set(), {}), crit[cid] == set(range(1, 20))))
                continue
            if sid == "qd-318-2022":
                if cid not in ord318:
                    if cid in xa:          # the new commune starts from what all its members met
                        ms = [m for m in units[cid]["members"] if m in ord318]
                        base = set.intersection(*[crit[m] for m in ms]) if ms else set()
                        bind = set.intersection(*[ind[m] | {i for i in IND_318[2] if 2 in crit[m]}
                                                  for m in ms]) if ms else set()
                        crit[cid], ind[cid] = set(base), set(bind) - ({"2.1", "2.2", "2.3", "2.4"} if 2 in base else set())
                    else:
                        drop = rng.randrange(2, 7)
                        cs = sorted(crit[cid])
                        rng.shuffle(cs)
                        crit[cid] = set(cs[drop:]) if len(cs) > 6 else set(cs)
                        if 2 in crit[cid] and rng.random() < 0.5:
                            crit[cid].discard(2)
                        ind[cid] = set() if 2 in crit[cid] else set(rng.sample(IND_318[2], rng.randrange(0, 4)))
                    rest = [c for c in range(1, 20) if c not in crit[cid]]
                    rng.shuffle(rest)
                    ord318[cid] = rest
                    start[cid] = (d, len(crit[cid]))
                    reach318[cid] = d + dt.timedelta(days=rng.randrange(400, 2400))
                t0, n0 = start[cid]
                n = progress(cid, d, t0, reach318[cid], n0, ord318[cid], 19, 18)
                for c in ord318[cid]:
                    if len(criteria_met(crit[cid], ind[cid], IND_318)) >= n:
                        break
                    if c == 2 and len(ind[cid]) < 3 and rng.random() < 0.6:
                        ind[cid].add(rng.choice([i for i in IND_318[2] if i not in ind[cid]]))
                        break
                    crit[cid].add(c)
                met = criteria_met(crit[cid], ind[cid], IND_318)
                entries.append((cid, items_of(crit[cid], ind[cid], IND_318), len(met) == 19))
                continue
            # QĐ 51: indicators one by one
            if d == REBASE_51 or cid not in start or start[cid][0] < REBASE_51:
                have = [i for i in ALL_51 if rng.random() < (0.55 + 0.35 * rng.random())]
                ind[cid] = set(have)
                crit[cid] = set()
                start[cid] = (d, len(have))
            else:
                missing = [i for i in ALL_51 if i not in ind[cid]]
                for i in rng.sample(missing, min(len(missing), rng.choice([0, 1, 1, 2, 3]))):
                    ind[cid].add(i)
            full = {n for n in IND_51 if all(i in ind[cid] for i in IND_51[n])}
            entries.append((cid, items_of(full, ind[cid], IND_51), len(ind[cid]) == 47))
        listed.append((d, sid, entries, everyone))
        for cid, _items, std in entries:
            if std and cid not in first_std and cid not in recognised:
                first_std[cid] = d
    # recognitions (illustrative decisions): a few weeks after a commune first meets the standard,
    # before the merger for a former commune and no later than the end of November 2026
    for cid, d in sorted(first_std.items(), key=lambda kv: (kv[1], kv[0])):
        last = D("2025-06-30") if cid in into else D("2026-11-30")
        rec = min(d + dt.timedelta(days=rng.randrange(14, 70)), last)
        dec = f"Quyết định số {rng.randrange(100, 4800)}/QĐ-UBND ngày {rec.day}/{rec.month}/{rec.year}"
        if cid in units:
            units[cid].setdefault("recognitions", []).append(("standard", rec, dec))
        else:
            communes[cid].recognitions.append(("standard", rec, dec))
    renamed = {cid: slugify(communes[cid].name) for cid in kept}
    write_units(w, units, into, kept, ys, rng)
    write_kept(w, communes, renamed, ys)
    write_targets(w, ys)
    write_snapshots(w, listed, units, communes, ys, renamed)
    return units, into, how, kept, {renamed.get(c, c) for c in stale}


def write_units(w, units, into, kept, ys, rng):
    for nid in sorted(units):
        u = units[nid]
        lines = [f"# Thành lập ngày 01/7/2025 theo Nghị quyết số 1665/NQ-UBTVQH15 về sắp xếp các đơn vị",
                 f"# hành chính cấp xã của tỉnh Hà Tĩnh năm 2025. Danh sách xã cũ trong merged_from: xem",
                 f"# docs/sample-2026.md (một phần là minh họa). Nhóm xã (class), năm đăng ký về đích: minh họa.",
                 f"name: {ys(u['name'])}", f"kind: {u['kind']}", "established: 2025-07-01",
                 "merged_from:"]
        lines += [f"  - {m}" for m in sorted(u["members"])]
        if u["kind"] == "xã":
            cls = 1 if u["name"] in CLASS_1 else 3 if u["name"] in CLASS_3 else 2
            lines.append(f"class: {cls}")
            lines.append(f"target_year: {u['target_year']}")
        if u.get("recognitions"):
            lines.append("recognitions:")
            for level, d, dec in u["recognitions"]:
                lines += [f"  - level: {level}", f"    date: {d}", f"    decision: {ys(dec)}"]
        w.text(f"communes/{nid}.yaml", "\n".join(lines))


def write_kept(w, communes, renamed, ys):
    """The communes that were not rearranged, out of their district from 1/7/2025: a commune of
    their own that continues the old one's reports (same name, class and target year)."""
    for old, nid in sorted(renamed.items()):
        c = communes[old]
        lines = [f"# Không sắp xếp theo Nghị quyết số 1665/NQ-UBTVQH15; từ 01/7/2025 không còn cấp huyện,",
                 f"# xã tiếp tục báo cáo dưới mã mới. Nhóm xã (class): minh họa.",
                 f"name: {ys(c.name)}", "kind: xã", "established: 2025-07-01", "merged_from:",
                 f"  - {old}", "class: 3"]
        w.text(f"communes/{nid}.yaml", "\n".join(lines))


def write_targets(w, ys):
    targets = [
        ("ve-dich-2026", ["title: " + ys("Các xã đăng ký về đích năm 2026 đạt chuẩn theo bộ tiêu chí 2026–2030"),
                          "source: " + ys("Kế hoạch năm 2026 của Ban Chỉ đạo tỉnh (minh họa)"),
                          "deadline: 2026-12-31", "measure: target_year_done"]),
        ("xa-chuan-2027", ["title: " + ys("Đến hết năm 2027 có ít nhất 20 xã đạt chuẩn nông thôn mới giai đoạn 2026–2030"),
                           "source: " + ys("Mục tiêu giai đoạn 2026–2030 (minh họa)"),
                           "deadline: 2027-12-31", "measure: standard_count", "value: 20"]),
    ]
    for slug, lines in targets:
        w.text(f"targets/{slug}.yaml", "\n".join(lines))


def write_snapshots(w, listed, units, communes, ys, renamed):
    notes = {
        REBASE_318: "Rà soát lại toàn bộ các xã theo Bộ tiêu chí quốc gia giai đoạn 2021–2025 (Quyết định số 318/QĐ-TTg)",
        FIRST_NEW: "Kỳ báo cáo đầu tiên của các xã mới sau sắp xếp đơn vị hành chính ngày 01/7/2025",
        REBASE_51: "Rà soát các xã theo Bộ tiêu chí quốc gia giai đoạn 2026–2030 (Quyết định số 51/2025/QĐ-TTg), theo từng chỉ tiêu",
        D("2025-06-26"): "Kỳ báo cáo cuối cùng của các xã trước sắp xếp",
    }
    prev = None
    for d, sid, entries, everyone in listed:
        lines = [f"date: {d}"]
        if prev is not None:
            lines.append(f"period: {prev + dt.timedelta(days=1)}..{d}")
        if everyone:
            lines.append(f"criteria_set: {sid}")
        note = notes.get(d)
        if note is None and everyone:
            note = f"Tổng kết năm {d.year}: tất cả các xã"
        if note:
            lines.append(f"note: {ys(note)}")
        if not entries:
            lines.append("communes: {}")
        else:
            lines.append("communes:")
            if d >= MERGER:
                entries = [(renamed.get(cid, cid), items, std) for cid, items, std in entries]
            for cid, items, std in sorted(entries):
                lines.append(f"  {cid}: all" if std else f"  {cid}: [{', '.join(items)}]")
        w.text(f"progress/{d}.yaml", "\n".join(lines))
        prev = d


def write_doc(path, communes, units, into, how, kept, stale):
    label = {"named": "named in the resolution", "inferred": "inferred from a composite name (2019–2020)",
             "illustrative": "illustrative"}
    L = ["# The sample after 2017: the merger of 1/7/2025 (generated by tools/gen_sample.py)", "",
         "Generated: do not edit. See tools/sample_2026.py for what is real and what is illustrative.", "",
         "The new units of 1/7/2025 and the sample's former communes merged into each, with how the",
         "link was found: *named* (the former commune's name is in the resolution, Nghị quyết số",
         "1665/NQ-UBTVQH15, as transcribed in a public repository), *inferred* (the resolution names a",
         "commune formed in 2019–2020 whose name holds the former commune's distinctive word; the",
         "sample skips that step) or *illustrative* (neither: the sample's own choice).", "",
         f"Not rearranged (they keep reporting, out of their district from 1/7/2025 as "
         f"{', '.join('`' + c.rsplit('/', 1)[-1] + '`' for c in kept)}): {', '.join(communes[c].name for c in kept)}.",
         f"Communes that stop reporting after {STALE_FROM:%d/%m/%Y} (stale on the latest date, "
         f"{LAST:%d/%m/%Y}): {', '.join(sorted(stale))}.", "",
         "| new unit | kind | former communes |", "|---|---|---|"]
    for nid in sorted(units):
        u = units[nid]
        ms = "; ".join(f"{communes[m].name} (`{m}`, {label[how[m]]})" for m in sorted(u["members"]))
        L.append(f"| {u['name']} (`{nid}`) | {u['kind']} | {ms} |")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")
