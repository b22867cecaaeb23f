#!/usr/bin/env python3
"""Generate the sample content of ntm-site: the province of Hà Tĩnh, 2011–2017.

Usage:  python3 tools/gen_sample.py [CONTENT_DIR]      (default: content/ beside tools/)

The folder is deleted and written again from scratch. The output is deterministic: a fixed
random seed, no network, no clock. Needs Python 3.11, PyYAML is not needed here (it is used by
tools/check_sample.py) and Pillow draws the photos (`pip install pillow`).

What is real
------------
* The administrative tree: the districts (huyện, thị xã, thành phố) of Hà Tĩnh and the names of
  their rural communes (xã) as they stood around 2015, before the mergers of 2019. Thị xã Kỳ Anh
  (set up in 2015) is shown with its six rural communes; its wards (phường) are left out, since
  the programme is for communes. The "Cụm xã vùng biên" group inside Hương Sơn is an
  illustrative cluster (a nested group), not an administrative unit.
* The two national criteria sets: Quyết định số 491/QĐ-TTg ngày 16/4/2009 and Quyết định số
  1980/QĐ-TTg ngày 17/10/2016, with the names of their 19 criteria and their groups. The
  department in charge of each criterion is a plausible provincial assignment. The files are
  the ones bundled with ntm-site (sets/, docs/sets.md), copied here byte for byte.
* The facts reported in the press and in the official notice kept in /work/shared/seeds, which
  the data reproduce exactly (tools/check_sample.py asserts them):
  - the week 21–27/8/2015: of the 26 communes registered to reach the standard in 2015, 10
    gained 21 criteria and 16 gained none; Kỳ Thư (Kỳ Anh) gained four: school (5), post office
    (8), forms of production organisation (13) and security and order (19);
  - Kỳ Tân (Kỳ Anh) met 6 criteria in 2011 and reached the standard in 2013; Yên Hồ (Đức Thọ)
    met 6 in 2012 and reached it in 2014; both sponsored by Đảng ủy Khối các cơ quan tỉnh;
  - in 2014 communes gained on average 2.7 criteria; 26 communes met the standard at the end of
    2014 and none met fewer than 5; of those 26, 20 were sponsored by agencies of the Đảng bộ
    Khối các cơ quan tỉnh (with the named pairs of the article: Sở Công Thương – Thái Yên, ...);
  - 5,556 effective production models, 3,036 of them highly effective, at the end of 2014;
    386 model residential areas and 430 model gardens registered by early 2015;
  - the targets of the Chairman's conclusions of 7/9/2014 (1–2 standard communes per district in
    2014; no commune under 7 criteria by 30/6/2015) and the 26 communes of 2015.
  - the seconded officers (20 communes, 13 of them at the standard) follow the figures of a
    Tuyên Quang article (seed 003), applied to Hà Tĩnh for illustration only.

What is illustrative
--------------------
Everything else: which criteria each commune meets on each date, the weekly reporting rhythm,
codes, populations, areas, target years, sponsors other than the named pairs, officers' names
(invented), recognition decisions and their numbers, indicators per commune, the model areas and
gardens and their photos (drawn by this script), the contact details. The news articles retell
the seed facts in new words.

The weekly snapshots are dated on Thursdays: the seed's week runs from Friday 21/8/2015 to
Thursday 27/8/2015, and the report of that week was handed in on the Friday morning after.
"""

import datetime as dt
import math
import os
import random
import shutil
import sys
import unicodedata

import sample_2026
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20150827

D = dt.date.fromisoformat


def nfc(s):
    return unicodedata.normalize("NFC", s)


def slugify(name):
    s = nfc(name).replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return "-".join(p for p in "".join(out).split("-") if p)


def vn_date(d):
    return f"{d.day}/{d.month}/{d.year}"


# --------------------------------------------------------------------------------------------
# The administrative tree (real names, around 2015)
# --------------------------------------------------------------------------------------------

# (slug, name, kind, terrain, code base, [communes])  terrain: m = mountain, p = plain, c = coast
DISTRICTS = [
    ("huong-son", "Hương Sơn", "huyện", "m", 18139, [
        "Sơn Hồng", "Sơn Tiến", "Sơn Lâm", "Sơn Lễ", "Sơn Giang", "Sơn Lĩnh", "Sơn An",
        "Sơn Tây", "Sơn Kim 1", "Sơn Kim 2", "Sơn Quang", "Sơn Hàm", "Sơn Phú", "Sơn Phúc",
        "Sơn Trung", "Sơn Diệm", "Sơn Thủy", "Sơn Mai", "Sơn Trường", "Sơn Bằng", "Sơn Ninh",
        "Sơn Hòa", "Sơn Thịnh", "Sơn Hà", "Sơn Châu", "Sơn Tân", "Sơn Mỹ", "Sơn Long",
        "Sơn Bình", "Sơn Trà"]),
    ("duc-tho", "Đức Thọ", "huyện", "p", 18232, [
        "Đức Quang", "Đức Vĩnh", "Đức Long", "Đức Lâm", "Đức La", "Đức Lạc", "Đức Hòa",
        "Đức Thanh", "Đức Thủy", "Đức Nhân", "Đức Thịnh", "Đức Yên", "Bùi Xá", "Đức Châu",
        "Đức Tùng", "Trung Lễ", "Tùng Ảnh", "Yên Hồ", "Thái Yên", "Đức An", "Đức Dũng",
        "Đức Lạng", "Đức Đồng", "Đức Lập", "Liên Minh", "Tân Hương", "Trường Sơn"]),
    ("vu-quang", "Vũ Quang", "huyện", "m", 18316, [
        "Ân Phú", "Đức Giang", "Đức Lĩnh", "Sơn Thọ", "Đức Hương", "Đức Bồng", "Đức Liên",
        "Hương Minh", "Hương Điền", "Hương Quang", "Hương Thọ"]),
    ("nghi-xuan", "Nghi Xuân", "huyện", "c", 18355, [
        "Xuân Thành", "Xuân Hồng", "Xuân Lĩnh", "Xuân Lam", "Xuân Viên", "Xuân Hải",
        "Xuân Trường", "Xuân Đan", "Xuân Phổ", "Xuân Hội", "Xuân Yên", "Xuân Giang",
        "Tiên Điền", "Xuân Mỹ", "Xuân Liên", "Cổ Đạm", "Cương Gián"]),
    ("can-loc", "Can Lộc", "huyện", "p", 18409, [
        "Thiên Lộc", "Thuần Thiện", "Kim Lộc", "Vượng Lộc", "Thanh Lộc", "Song Lộc",
        "Thường Nga", "Trường Lộc", "Tùng Lộc", "Yên Lộc", "Phú Lộc", "Khánh Lộc",
        "Gia Hanh", "Vĩnh Lộc", "Tiến Lộc", "Trung Lộc", "Xuân Lộc", "Thượng Lộc",
        "Quang Lộc", "Đồng Lộc", "Mỹ Lộc", "Sơn Lộc"]),
    ("huong-khe", "Hương Khê", "huyện", "m", 18499, [
        "Hà Linh", "Hương Thủy", "Hòa Hải", "Phúc Đồng", "Hương Giang", "Lộc Yên",
        "Hương Bình", "Hương Long", "Phú Gia", "Gia Phố", "Phú Phong", "Hương Đô",
        "Hương Vĩnh", "Hương Xuân", "Phúc Trạch", "Hương Trà", "Hương Trạch", "Hương Lâm",
        "Hương Liên", "Phương Điền", "Phương Mỹ"]),
    ("thach-ha", "Thạch Hà", "huyện", "c", 18565, [
        "Ngọc Sơn", "Thạch Hải", "Thạch Kênh", "Thạch Sơn", "Thạch Liên", "Thạch Đỉnh",
        "Phù Việt", "Thạch Khê", "Thạch Long", "Việt Xuyên", "Thạch Tiến", "Thạch Thanh",
        "Thạch Ngọc", "Tượng Sơn", "Thạch Vĩnh", "Thạch Lưu", "Thạch Đài", "Thạch Hội",
        "Thạch Tân", "Thạch Lâm", "Thạch Xuân", "Thạch Trị", "Thạch Lạc", "Thạch Văn",
        "Thạch Thắng", "Thạch Hương", "Thạch Điền", "Thạch Bàn", "Nam Hương", "Bắc Sơn"]),
    ("cam-xuyen", "Cẩm Xuyên", "huyện", "c", 18676, [
        "Cẩm Bình", "Cẩm Vịnh", "Cẩm Thành", "Cẩm Quang", "Cẩm Thạch", "Cẩm Nhượng",
        "Cẩm Nam", "Cẩm Hưng", "Cẩm Thịnh", "Cẩm Hà", "Cẩm Duệ", "Cẩm Lộc", "Cẩm Sơn",
        "Cẩm Lạc", "Cẩm Minh", "Cẩm Trung", "Cẩm Mỹ", "Cẩm Quan", "Cẩm Thăng", "Cẩm Dương",
        "Cẩm Hòa", "Cẩm Yên", "Cẩm Huy", "Cẩm Phúc", "Cẩm Lĩnh"]),
    ("ky-anh", "Kỳ Anh", "huyện", "m", 18757, [
        "Kỳ Xuân", "Kỳ Bắc", "Kỳ Phú", "Kỳ Phong", "Kỳ Tiến", "Kỳ Giang", "Kỳ Đồng",
        "Kỳ Khang", "Kỳ Văn", "Kỳ Trung", "Kỳ Thọ", "Kỳ Tây", "Kỳ Thượng", "Kỳ Hải",
        "Kỳ Thư", "Kỳ Châu", "Kỳ Tân", "Kỳ Hợp", "Kỳ Lâm", "Kỳ Sơn", "Kỳ Lạc"]),
    ("loc-ha", "Lộc Hà", "huyện", "c", 18571, [
        "Bình Lộc", "Tân Lộc", "Hồng Lộc", "Thịnh Lộc", "An Lộc", "Thạch Bằng", "Hộ Độ",
        "Thạch Kim", "Thạch Châu", "Mai Phụ", "Thạch Mỹ", "Ích Hậu", "Phù Lưu"]),
    ("thi-xa-ky-anh", "Kỳ Anh", "thị xã", "c", 18787, [
        "Kỳ Hoa", "Kỳ Hưng", "Kỳ Lợi", "Kỳ Nam", "Kỳ Hà", "Kỳ Ninh"]),
    ("ha-tinh", "Hà Tĩnh", "thành phố", "p", 18082, [
        "Thạch Trung", "Thạch Hạ", "Thạch Môn", "Thạch Đồng", "Thạch Hưng", "Thạch Bình"]),
    ("hong-linh", "Hồng Lĩnh", "thị xã", "p", 18124, ["Thuận Lộc"]),
]

# The nested group: an illustrative cluster of three border communes inside Hương Sơn.
CLUSTER = ("huong-son", "bien-gioi", "Cụm xã vùng biên", "cụm xã", ["Sơn Kim 1", "Sơn Kim 2", "Sơn Hồng"])

NEVER_LISTED = "hong-linh/thuan-loc"          # no snapshot lists it (its town never sent data)
LISTED_ONCE = "ha-tinh/thach-mon"              # listed once, in the last baseline of 2013

# --------------------------------------------------------------------------------------------
# Criteria sets: the files bundled with ntm-site (sets/, src/sets.rs), copied byte for byte
# --------------------------------------------------------------------------------------------

SETS_DIR = os.path.join(HERE, "..", "sets")
# The sets the sample's snapshots use, by id (the file stem under sets/ and criteria/).
SAMPLE_SETS = ("qd-491-2009", "qd-1980-2016", "qd-318-2022", "qd-51-2025")

# How hard each criterion is (lower comes first); 10, 11, 13 and 17 come last.
DIFFICULTY_491 = {1: 2, 4: 1, 8: 3, 19: 2, 18: 3, 15: 4, 12: 4, 3: 5, 14: 5, 16: 6, 9: 7, 2: 8,
                  7: 8, 6: 9, 5: 9, 13: 12, 11: 12, 17: 13, 10: 13}
# Under the 2016 set these are the ones a commune most often no longer meets.
HARDER_1980 = {17: 6, 13: 5, 11: 5, 10: 5, 5: 3, 14: 3, 6: 3, 7: 2, 2: 2, 8: 1, 18: 1, 12: 1,
               15: 1, 9: 1, 3: 1, 16: 1, 1: 1, 4: 1, 19: 1}

# --------------------------------------------------------------------------------------------
# Sponsors and the seed's named pairs
# --------------------------------------------------------------------------------------------

DUK = "Đảng ủy Khối các cơ quan tỉnh"
# Agencies of the Đảng bộ Khối các cơ quan tỉnh (check_sample.py uses the same list).
BLOC = [
    DUK, "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
    "Sở Giao thông Vận tải", "Sở Xây dựng", "Sở Nông nghiệp và PTNT", "Sở Tài nguyên và Môi trường",
    "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông", "Sở Nội vụ", "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội",
    "Thanh tra tỉnh", "Đoàn Khối các cơ quan tỉnh", "Công đoàn Viên chức tỉnh",
]
# Sponsors outside that bloc (armed forces, police, companies, banks, mass organisations).
OTHER_SPONSORS = [
    "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Công an tỉnh",
    "Ngân hàng Nông nghiệp và PTNT chi nhánh Hà Tĩnh", "Công ty Điện lực Hà Tĩnh",
    "Viettel Hà Tĩnh", "Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước chi nhánh Hà Tĩnh",
    "Liên đoàn Lao động tỉnh", "Tỉnh đoàn Hà Tĩnh", "Hội Nông dân tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Liên minh Hợp tác xã tỉnh",
    "Báo Hà Tĩnh", "Đài Phát thanh và Truyền hình tỉnh",
]

# The 26 communes meeting the standard at the end of 2014, by the year they reached it, with
# their sponsors. 20 of them have a sponsor of the bloc.
STANDARD_2012 = ["huong-khe/gia-pho", "loc-ha/tan-loc", "ha-tinh/thach-trung"]
STANDARD_2013 = ["ky-anh/ky-tan", "duc-tho/thai-yen", "can-loc/dong-loc", "nghi-xuan/xuan-vien",
                 "thach-ha/thach-ngoc", "cam-xuyen/cam-binh", "huong-son/son-trung",
                 "duc-tho/duc-thinh"]
STANDARD_2014 = ["duc-tho/yen-ho", "huong-son/son-mai", "huong-son/son-thinh",
                 "huong-khe/phuc-dong", "duc-tho/trung-le", "can-loc/tung-loc",
                 "can-loc/thuan-thien", "nghi-xuan/xuan-thanh", "loc-ha/thinh-loc",
                 "thach-ha/thach-long", "thach-ha/thach-tan", "cam-xuyen/cam-thang",
                 "ky-anh/ky-giang", "thi-xa-ky-anh/ky-ninh", "ha-tinh/thach-dong"]
LATE_2014 = "nghi-xuan/co-dam"   # registered for 2014, reaches the standard in March 2015

SPONSORS = {
    # the named pairs of seed 002
    "ky-anh/ky-tan": [DUK],
    "duc-tho/yen-ho": [DUK, "Sở Khoa học và Công nghệ"],
    "duc-tho/thai-yen": ["Sở Công Thương"],
    "can-loc/dong-loc": ["Sở Giao thông Vận tải"],
    "huong-son/son-mai": ["Sở Giao thông Vận tải"],
    "thach-ha/thach-long": ["Sở Y tế"],
    "cam-xuyen/cam-thang": ["Sở Khoa học và Công nghệ"],
    "huong-son/son-quang": ["Sở Khoa học và Công nghệ"],
    "loc-ha/thinh-loc": ["Sở Văn hóa, Thể thao và Du lịch"],
    "huong-son/son-bang": ["Sở Giáo dục và Đào tạo"],
    # other standard communes of 2014 sponsored by the bloc (illustrative)
    "huong-son/son-trung": ["Sở Tài chính"],
    "huong-son/son-thinh": ["Sở Nội vụ", "Công đoàn Viên chức tỉnh"],
    "huong-khe/gia-pho": ["Sở Kế hoạch và Đầu tư"],
    "duc-tho/trung-le": ["Sở Tư pháp"],
    "duc-tho/duc-thinh": ["Văn phòng UBND tỉnh"],
    "can-loc/tung-loc": ["Sở Xây dựng"],
    "nghi-xuan/xuan-vien": ["Sở Tài nguyên và Môi trường"],
    "loc-ha/tan-loc": ["Sở Nông nghiệp và PTNT"],
    "thach-ha/thach-ngoc": ["Sở Lao động - Thương binh và Xã hội"],
    "cam-xuyen/cam-binh": ["Thanh tra tỉnh"],
    "ky-anh/ky-giang": ["Sở Thông tin và Truyền thông"],
    "ha-tinh/thach-trung": ["Sở Giáo dục và Đào tạo", "Đoàn Khối các cơ quan tỉnh"],
    # standard communes of 2014 sponsored from outside the bloc (illustrative)
    "huong-khe/phuc-dong": ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
    "can-loc/thuan-thien": ["Ngân hàng Nông nghiệp và PTNT chi nhánh Hà Tĩnh"],
    "nghi-xuan/xuan-thanh": ["Bộ Chỉ huy Quân sự tỉnh"],
    "thach-ha/thach-tan": ["Công ty Điện lực Hà Tĩnh"],
    "thi-xa-ky-anh/ky-ninh": ["Công an tỉnh"],
    "ha-tinh/thach-dong": ["Viettel Hà Tĩnh"],
    # Kỳ Thư keeps the sponsor of the worked example
    "ky-anh/ky-thu": ["Sở Công Thương"],
}

# The 26 communes registered for 2015 (Kỳ Thư, Sơn Quang and Sơn Bằng among them).
TARGET_2015 = ["ky-anh/ky-thu", "huong-son/son-quang", "huong-son/son-bang", "huong-son/son-ha",
               "huong-son/son-phu", "huong-khe/huong-tra", "huong-khe/ha-linh",
               "huong-khe/huong-binh", "vu-quang/an-phu", "vu-quang/duc-giang",
               "duc-tho/tung-anh", "duc-tho/duc-la", "duc-tho/duc-yen", "can-loc/song-loc",
               "can-loc/kim-loc", "can-loc/vuong-loc", "nghi-xuan/xuan-hong",
               "nghi-xuan/tien-dien", "loc-ha/binh-loc", "loc-ha/an-loc", "thach-ha/viet-xuyen",
               "thach-ha/thach-dai", "cam-xuyen/cam-quang", "cam-xuyen/cam-nam",
               "ky-anh/ky-phong", "ha-tinh/thach-ha"]
MISSED_2015 = ["vu-quang/duc-giang", "cam-xuyen/cam-nam"]   # reach it only in 2016
# Week 21–27/8/2015: who gains how many (Kỳ Thư: 5, 8, 13, 19). 10 communes, 21 criteria.
WEEK_2015_08_27 = {"ky-anh/ky-thu": 4, "huong-son/son-quang": 3, "huong-son/son-ha": 2,
                   "huong-khe/huong-tra": 2, "vu-quang/an-phu": 2, "duc-tho/duc-la": 2,
                   "can-loc/kim-loc": 2, "loc-ha/binh-loc": 2, "thach-ha/viet-xuyen": 1,
                   "cam-xuyen/cam-nam": 1}
KY_THU_ORDER = [1, 4, 12, 3, 15, 18, 14, 9, 16, 2, 6, 7, 5, 8, 13, 19, 11, 10, 17]

# Seconded officers (cán bộ biệt phái), in three rounds as in seed 003: 7 + 6 + 7 communes.
SECONDED_2014 = ["ky-anh/ky-thu", "huong-son/son-quang", "huong-son/son-bang",
                 "huong-khe/huong-tra", "vu-quang/an-phu", "can-loc/song-loc",
                 "thach-ha/viet-xuyen"]
SECONDED_AGENCIES = ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Công Thương",
                     "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Giao thông Vận tải",
                     "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
                     "Sở Nông nghiệp và PTNT", "Sở Lao động - Thương binh và Xã hội"]

# Real people named in the seeds; invented officers never take these names.
REAL_NAMES = {"Đặng Ngọc Sơn", "Trần Huy Oánh", "Đặng Đình Giang", "Lê Văn Vinh", "Võ Kim Cự",
              "Lê Minh Đạo", "Từ Văn Diện", "Nguyễn Văn Hòa", "Nguyễn Xuân Bạch",
              "Phạm Minh Thắng", "Nguyễn Minh Tiến", "Nguyễn Văn A"}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phan", "Võ", "Đặng", "Hoàng", "Bùi", "Đậu", "Hồ", "Thái",
          "Dương", "Phạm", "Đinh", "Trương", "Ngô"]
MIDDLE_M = ["Văn", "Đình", "Hữu", "Xuân", "Minh", "Quốc", "Đức", "Công", "Anh", "Trọng"]
MIDDLE_F = ["Thị", "Thị", "Thanh", "Ngọc", "Thu", "Hồng", "Kim"]
GIVEN_M = ["Hùng", "Tuấn", "Sơn", "Bình", "Long", "Thắng", "Hải", "Trung", "Nam", "Dũng",
           "Quang", "Hiếu", "Cường", "Khánh", "Tiến", "Phong", "Lâm", "Hòa", "Thành", "Vũ"]
GIVEN_F = ["Lan", "Hà", "Hương", "Phương", "Thủy", "Hoa", "Nga", "Linh", "Hạnh", "Tâm",
           "Trang", "Yến", "Mai", "Huyền", "Oanh"]


# --------------------------------------------------------------------------------------------
# The timeline of snapshots
# --------------------------------------------------------------------------------------------

BASELINES = [D("2011-06-30"), D("2011-12-22"), D("2012-06-28"), D("2012-12-20"),
             D("2013-06-27"), D("2013-12-19")]
TET_SKIP = {D("2014-01-30"), D("2015-02-19"), D("2016-02-11"), D("2017-01-26")}
YEAR_END = {2014: D("2014-12-25"), 2015: D("2015-12-31"), 2016: D("2016-12-29"),
            2017: D("2017-12-28")}
LAST_491 = D("2016-10-13")      # last weekly snapshot under the 2009 set (valid until 16/10/2016)
REBASE = D("2016-10-20")        # province-wide re-assessment under the 2016 set
DSTAR = D("2015-08-27")         # the seed's week
BEFORE_DSTAR = D("2015-08-20")
MID_2015 = D("2015-06-25")      # last snapshot on or before 30/6/2015


def thursdays(first, last):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=7)


WEEKLY = [d for d in thursdays(D("2014-01-02"), D("2017-12-28")) if d not in TET_SKIP]
DATES = BASELINES + WEEKLY
IDX = {d: i for i, d in enumerate(DATES)}
I_S, I_R = IDX[LAST_491], IDX[REBASE]
N = len(DATES)


def idx_between(a, b):
    """Indices of snapshot dates in (a, b]."""
    return [i for i, d in enumerate(DATES) if a < d <= b]


def set_of(i):
    return "qd-491-2009" if i <= I_S else "qd-1980-2016"


# --------------------------------------------------------------------------------------------
# Communes
# --------------------------------------------------------------------------------------------

class Commune:
    def __init__(self, cid, name, group, district, terrain, code):
        self.id, self.name, self.group, self.district = cid, name, group, district
        self.terrain, self.code = terrain, code
        self.population = self.area = self.target_year = None
        self.sponsors, self.officers, self.recognitions = [], [], []
        self.cls = "generic"
        self.anchors_a, self.anchors_b = {}, {}
        self.order_a = self.order_b = None
        self.count = [None] * N
        self.losses = []          # (criterion, i_from, i_to): not met on [i_from, i_to)
        self.listed = []          # indices of snapshots that list it


def build_tree(rng):
    communes, groups = {}, []
    cluster_parent, cluster_slug, cluster_name, cluster_kind, cluster_members = CLUSTER
    for slug, name, kind, terrain, base, names in DISTRICTS:
        groups.append((slug, name, kind))
        if slug == cluster_parent:
            groups.append((f"{slug}/{cluster_slug}", cluster_name, cluster_kind))
        for k, cname in enumerate(names):
            cslug = slugify(cname)
            group = slug
            if slug == cluster_parent and cname in cluster_members:
                group = f"{slug}/{cluster_slug}"
            cid = f"{group}/{cslug}"
            c = Commune(cid, cname, group, slug, terrain, f"{base + 3 * k:05d}")
            if terrain == "m":
                c.population = rng.randrange(2600, 9800, 10)
                c.area = round(rng.uniform(25, 190), 1)
            elif terrain == "c":
                c.population = rng.randrange(3800, 12500, 10)
                c.area = round(rng.uniform(5, 32), 1)
            else:
                c.population = rng.randrange(3200, 10800, 10)
                c.area = round(rng.uniform(5, 24), 1)
            communes[cid] = c
    for cid in ("huong-son/bien-gioi/son-kim-1", "huong-son/bien-gioi/son-kim-2"):
        communes[cid].area = round(rng.uniform(160, 260), 1)
    kt = communes["ky-anh/ky-thu"]
    kt.population, kt.area = 9120, 28.4
    return communes, groups


def weighted_order(rng, difficulty, noise=4.0):
    return sorted(difficulty, key=lambda n: difficulty[n] + rng.uniform(-noise, noise))


def assign_classes(rng, communes):
    ids = sorted(communes)
    for cid in STANDARD_2012:
        communes[cid].cls, communes[cid].target_year = "e12", 2012
    communes["huong-khe/gia-pho"].target_year = 2011          # registered 2011, one year late
    for cid in STANDARD_2013:
        communes[cid].cls, communes[cid].target_year = "e13", 2013
    communes["duc-tho/duc-thinh"].target_year = 2012          # registered 2012, one year late
    for cid in STANDARD_2014:
        communes[cid].cls, communes[cid].target_year = "s14", 2014
    communes[LATE_2014].cls, communes[LATE_2014].target_year = "late14", 2014
    for cid in TARGET_2015:
        communes[cid].cls, communes[cid].target_year = "t15", 2015
    communes[LISTED_ONCE].cls, communes[LISTED_ONCE].target_year = "once", 2020
    communes[NEVER_LISTED].cls, communes[NEVER_LISTED].target_year = "never", 2020
    rest = [cid for cid in ids if communes[cid].cls == "generic"]
    rng.shuffle(rest)
    # Mountain communes tend to register later.
    rest.sort(key=lambda cid: (communes[cid].terrain == "m") + rng.random() * 1.6)
    years = [2016] * 30 + [2017] * 32 + [2018] * 35 + [2019] * 38
    years += [2020] * (len(rest) - len(years))
    for cid, y in zip(rest, years):
        communes[cid].target_year = y
        communes[cid].cls = f"t{y % 100}"
    return rest


def plan_phase_a(rng, communes):
    """Anchor counts under the 2009 set."""
    iB = [IDX[d] for d in BASELINES]
    iY14, iY15 = IDX[YEAR_END[2014]], IDX[YEAR_END[2015]]
    iM15, iDm, iD = IDX[MID_2015], IDX[BEFORE_DSTAR], IDX[DSTAR]

    def weekly_in(year, lo=None, hi=None):
        return [IDX[d] for d in WEEKLY if d.year == year and (lo is None or d >= lo)
                and (hi is None or d <= hi)]

    for c in communes.values():
        c.order_a = weighted_order(rng, DIFFICULTY_491)
        a = c.anchors_a
        if c.cls == "never":
            continue
        if c.cls == "once":
            a[iB[5]] = 9
            continue
        if c.id == "ky-anh/ky-tan":
            vals = [6, 6, 9, 13, 16, 19]
        elif c.id == "duc-tho/yen-ho":
            vals = [5, 5, 6, 6, 9, 12]
        elif c.cls == "e12":
            b1 = rng.randint(6, 7)
            vals = [b1, b1 + rng.randint(1, 2)]
            vals.append(vals[-1] + rng.randint(3, 4))
            vals += [19, 19, 19]
        elif c.cls == "e13":
            b1 = rng.randint(5, 6)
            vals = [b1]
            for lo, hi in ((0, 1), (1, 2), (2, 3)):
                vals.append(vals[-1] + rng.randint(lo, hi))
            if c.id in ("duc-tho/thai-yen", "nghi-xuan/xuan-vien"):
                vals += [19, 19]
            else:
                vals += [vals[-1] + rng.randint(2, 3), 19]
        elif c.cls in ("s14", "late14"):
            b6 = rng.randint(11, 14)
            b1 = rng.randint(3, 5)
            vals = sorted([b1] + [rng.randint(b1, b6) for _ in range(4)]) + [b6]
        elif c.cls == "t15":
            if c.id == "ky-anh/ky-thu":
                vals = [3, 4, 5, 6, 7, 8]
            else:
                b6 = rng.randint(7, 10)
                b1 = rng.randint(2, 4)
                vals = sorted([b1] + [rng.randint(b1, b6) for _ in range(4)]) + [b6]
        else:
            b6 = rng.randint(6, 10) if c.cls == "t16" else rng.randint(4, 9)
            if c.terrain == "m" and c.cls != "t16":
                b6 = max(4, b6 - 1)
            b1 = rng.randint(1, min(5, b6))
            vals = sorted([b1] + [rng.randint(b1, b6) for _ in range(4)]) + [b6]
        if c.id == "huong-khe/phuong-dien":
            vals[0] = 0        # no criterion met in the first review of 2011: written []
        for i, v in zip(iB, vals):
            a[i] = v
        b6 = vals[-1]
        # 2014
        if c.cls in ("e12", "e13"):
            a[iY14] = 19
        elif c.cls == "s14":
            r = YEAR_REACH[c.id]
            reach(a, IDX[r])
            a[iY14] = 19
        elif c.cls == "late14":
            a[iY14] = 17
        elif c.cls == "t15":
            a[iY14] = 11 if c.id == "ky-anh/ky-thu" else b6 + rng.randint(2, 4)
        else:
            c.gain14 = rng.randint(2, 4) if c.cls == "t16" else rng.choice([1, 2, 2, 3, 3, 4])
            a[iY14] = max(5, b6 + c.gain14)
            c.gain14 = a[iY14] - b6


YEAR_REACH = {}


def plan_reach_dates(rng, communes):
    """When the target communes of 2014, 2015 and 2016 reach the standard (weekly dates)."""
    w14 = [d for d in WEEKLY if d.year == 2014 and D("2014-04-01") <= d <= D("2014-12-18")]
    picks = sorted(rng.sample(w14, len(STANDARD_2014) - 1))
    others = [cid for cid in STANDARD_2014 if cid != "duc-tho/yen-ho"]
    rng.shuffle(others)
    for cid, d in zip(others, picks):
        YEAR_REACH[cid] = d
    YEAR_REACH["duc-tho/yen-ho"] = D("2014-11-20")
    YEAR_REACH[LATE_2014] = D("2015-03-19")
    w15 = [d for d in WEEKLY if d.year == 2015 and D("2015-10-01") <= d <= D("2015-12-24")]
    for cid in TARGET_2015:
        if cid in MISSED_2015:
            YEAR_REACH[cid] = rng.choice([d for d in WEEKLY if D("2016-04-01") <= d <= D("2016-06-30")])
        else:
            YEAR_REACH[cid] = rng.choice(w15)
    YEAR_REACH["ky-anh/ky-thu"] = D("2015-12-17")


def calibrate_2014(rng, communes, target_sum):
    """Adjust the 2014 gains of generic communes so that the sum over compared communes is exact."""
    iB6, iY14 = IDX[BASELINES[5]], IDX[YEAR_END[2014]]

    def total():
        s = 0
        for c in communes.values():
            if iB6 in c.anchors_a and iY14 in c.anchors_a:
                s += c.anchors_a[iY14] - c.anchors_a[iB6]
        return s

    adjustable = sorted(cid for cid, c in communes.items() if c.cls.startswith("t") and c.cls != "t15")
    guard = 0
    while total() != target_sum:
        guard += 1
        assert guard < 10000
        diff = target_sum - total()
        c = communes[rng.choice(adjustable)]
        b6, y = c.anchors_a[iB6], c.anchors_a[iY14]
        if diff > 0 and y - b6 < 5 and y < 14:
            c.anchors_a[iY14] = y + 1
        elif diff < 0 and y - b6 > 1 and y - 1 >= 5:
            c.anchors_a[iY14] = y - 1
    return total()


def plan_phase_a_after_2014(rng, communes):
    iY14, iY15 = IDX[YEAR_END[2014]], IDX[YEAR_END[2015]]
    iM15, iDm, iD = IDX[MID_2015], IDX[BEFORE_DSTAR], IDX[DSTAR]
    for c in communes.values():
        a = c.anchors_a
        if c.cls in ("never", "once"):
            continue
        y14 = a[iY14]
        if c.cls in ("e12", "e13", "s14"):
            a[I_S] = 19
        elif c.cls == "late14":
            reach(a, IDX[YEAR_REACH[c.id]])
            a[I_S] = 19
        elif c.cls == "t15":
            k = WEEK_2015_08_27.get(c.id, 0)
            if c.id == "ky-anh/ky-thu":
                m = 12
            elif k:
                m = rng.randint(max(y14, 11), 18 - k - 1)
            else:
                m = rng.randint(max(y14, 12), 16)
            a[last_listed_before(c, D("2015-06-30"))] = max(7, rng.randint(y14, m))
            a[iDm] = m
            a[iD] = m + k
            if c.id in MISSED_2015:
                a[iY15] = 18 if c.id == "cam-xuyen/cam-nam" else 17
                reach(a, IDX[YEAR_REACH[c.id]])
            else:
                reach(a, IDX[YEAR_REACH[c.id]])
                a[iY15] = 19
            a[I_S] = 19
        elif c.cls == "t16":
            m15 = max(7, y14 + rng.randint(0, 2))
            y15 = min(16, max(m15, y14 + rng.randint(2, 4)))
            a[last_listed_before(c, D("2015-06-30"))], a[iY15] = m15, y15
            if c.id in T16_LATE:
                a[I_S] = rng.choice([17, 18])
            else:
                r = rng.choice([d for d in WEEKLY if D("2016-03-03") <= d <= D("2016-09-15")])
                YEAR_REACH[c.id] = r
                reach(a, IDX[r])
                a[I_S] = 19
        else:
            m15 = max(7, y14 + rng.randint(0, 1))
            y15 = min(16, max(m15, y14 + rng.randint(1, 3)))
            a[last_listed_before(c, D("2015-06-30"))], a[iY15] = m15, y15
            a[I_S] = min(17, y15 + rng.randint(0, 2))


T16_LATE = []


def reach(anchors, i):
    """The commune reaches the standard exactly at snapshot index i (18 the snapshot before)."""
    anchors[i] = 19
    if i - 1 not in anchors:
        anchors[i - 1] = 18


def last_listed_before(c, d):
    """Index of the last snapshot on or before d that lists c."""
    return max(i for i in c.listed if DATES[i] <= d)


def fill(rng, anchors, lo_idx, hi_idx):
    """Counts on [lo_idx, hi_idx] from anchors; increments spread at random between anchors."""
    keys = sorted(k for k in anchors if lo_idx <= k <= hi_idx)
    out = {}
    if not keys:
        return out
    for k in range(keys[0], hi_idx + 1):
        out[k] = None
    inc = Counter()
    for k1, k2 in zip(keys, keys[1:]):
        n = anchors[k2] - anchors[k1]
        assert n >= 0, (k1, k2, anchors[k1], anchors[k2])
        cands = list(range(k1 + 1, k2 + 1))
        if n <= len(cands):
            for j in rng.sample(cands, n):
                inc[j] += 1
        else:
            for _ in range(n):
                inc[rng.choice(cands)] += 1
    v = anchors[keys[0]]
    for k in range(keys[0], hi_idx + 1):
        if k != keys[0]:
            v += inc[k]
        out[k] = v
    return out


def met_at(c, i):
    """The true met set of commune c at snapshot index i (None before it is followed)."""
    n = c.count[i]
    if n is None:
        return None
    order = c.order_a if i <= I_S else c.order_b
    met = set(order[:n])
    for crit, i1, i2 in c.losses:
        if i1 <= i < i2:
            met.discard(crit)
    return met


def plan_phase_b(rng, communes, seconded_2016):
    iY16, iY17 = IDX[YEAR_END[2016]], IDX[YEAR_END[2017]]
    forced19 = set(SECONDED_2014) | set(seconded_2016) | {
        "ky-anh/ky-tan", "duc-tho/yen-ho", "duc-tho/thai-yen", "huong-khe/gia-pho"}
    late_now = T16_LATE[:3]
    w16 = [d for d in WEEKLY if D("2016-10-27") <= d <= D("2016-12-22")]
    w17 = [d for d in WEEKLY if D("2017-03-02") <= d <= D("2017-12-21")]
    t17 = sorted(cid for cid, c in communes.items() if c.cls == "t17")
    t17_miss = set(rng.sample(t17, 2))
    for c in sorted(communes.values(), key=lambda c: c.id):
        if c.cls in ("never", "once"):
            continue
        old = met_at(c, I_S)
        was_std = len(old) == 19
        if was_std:
            d = rng.choices([0, 1, 2, 3], [40, 30, 20, 10])[0]
        else:
            d = rng.choices([1, 2, 3, 4], [20, 35, 30, 15])[0]
        old_list = [n for n in c.order_a if n in old]
        removed = set()
        pool = list(old_list)
        while len(removed) < d and pool:
            pick = rng.choices(pool, [HARDER_1980[n] for n in pool])[0]
            removed.add(pick)
            pool.remove(pick)
        if len(old) - len(removed) < 3:
            removed = set(list(removed)[: max(0, len(old) - 3)])
        kept = [n for n in old_list if n not in removed]
        missing = [n for n in range(1, 20) if n not in kept]
        missing.sort(key=lambda n: DIFFICULTY_491[n] + 2 * HARDER_1980[n] + rng.uniform(-3, 3))
        c.order_b = kept + missing
        r0 = len(kept)
        b = c.anchors_b
        b[I_R] = r0
        if was_std or c.cls == "t16":
            if c.id in late_now:
                r = rng.choice(w16)
                YEAR_REACH[c.id] = r
                reach(b, IDX[r])
                b[iY16] = 19
                b[iY17] = 19
            elif c.id in T16_LATE:
                b[iY16] = min(18, r0 + rng.randint(0, 1))
                r = rng.choice(w17)
                YEAR_REACH[c.id] = r
                reach(b, IDX[r])
                b[iY17] = 19
            else:
                b[iY16] = min(19, r0 + rng.randint(0, 1))
                if c.id in forced19 or rng.random() < 0.7:
                    b[iY17] = 19
                else:
                    b[iY17] = max(b[iY16], min(18, r0 + rng.randint(1, 2)))
        elif c.cls == "t17":
            b[iY16] = min(17, r0 + rng.randint(0, 1))
            if c.id in t17_miss:
                b[iY17] = max(b[iY16], rng.choice([17, 18]))
            else:
                r = rng.choice(w17)
                YEAR_REACH[c.id] = r
                reach(b, IDX[r])
                b[iY17] = 19
        else:
            b[iY16] = min(17, r0 + rng.randint(0, 1))
            hi = 3 if c.cls == "t18" else 2
            b[iY17] = max(b[iY16], min(18, r0 + rng.randint(1 if c.cls == "t18" else 0, hi)))



def plan_listing(rng, communes):
    phase = {cid: rng.randrange(4) for cid in sorted(communes)}
    everyone = set(YEAR_END.values()) | {REBASE}
    listed = [[] for _ in range(N)]
    for i, d in enumerate(DATES):
        for cid in sorted(communes):
            c = communes[cid]
            if c.cls == "never":
                continue
            if c.cls == "once":
                ok = d == BASELINES[5]
            elif d in BASELINES or d in everyone:
                ok = True
            elif c.target_year == d.year:
                ok = True
            else:
                k = WEEKLY.index(d)
                u = rng.random()
                ok = ((k + phase[cid]) % 4 == 0 and u > 0.08) or u < 0.025
            if ok:
                listed[i].append(cid)
                c.listed.append(i)
    return listed


def plan_losses(rng, communes, lo_date, hi_date, how_many, exclude):
    """A few communes lose a criterion for a few weeks (a re-check found it no longer met)."""
    cands = sorted(cid for cid, c in communes.items()
                   if c.cls in ("t17", "t18", "t19", "t20") and cid not in exclude)
    rng.shuffle(cands)
    made = []
    lo, hi = IDX[lo_date], IDX[hi_date]
    for cid in cands:
        if len(made) == how_many:
            break
        c = communes[cid]
        L = [i for i in c.listed if lo <= i <= hi]
        if len(L) < 5:
            continue
        p = rng.randrange(1, len(L) - 3)
        prev = met_at(c, L[p - 1])
        if prev is None or len(prev) < 9:
            continue
        order = c.order_a if L[p] <= I_S else c.order_b
        crit = [n for n in order if n in prev][-1]
        i1, i2 = L[p], L[p + rng.randint(1, 3)]
        if i1 <= I_S < i2 or i1 < I_R <= i2:
            continue
        c.losses.append((crit, i1, i2))
        made.append(cid)
    return made


def batch_date(d):
    """The first recognition batch (quarterly decisions of the provincial People's Committee)."""
    for year in (d.year, d.year + 1):
        for m, day in ((3, 30), (6, 29), (9, 28), (12, 30)):
            b = dt.date(year, m, day)
            while b.weekday() >= 5:
                b -= dt.timedelta(days=1)
            if b >= d:
                return b
    raise AssertionError(d)


def plan_recognitions(rng, communes):
    batches = defaultdict(list)
    for cid in sorted(communes):
        c = communes[cid]
        for i in c.listed:
            if len(met_at(c, i)) == 19:
                batches[batch_date(DATES[i] + dt.timedelta(days=7))].append(cid)
                break
    numbers = {}
    for b in sorted(batches):
        n = 40 + int(b.timetuple().tm_yday * 10.6) + rng.randint(0, 35)
        for cid in batches[b]:
            numbers[cid] = (b, n)
            n += rng.randint(1, 3)
    for cid, (b, n) in numbers.items():
        communes[cid].recognitions.append(
            ("standard", b, f"Quyết định số {n}/QĐ-UBND ngày {vn_date(b)}"))
    advanced = {"ky-anh/ky-tan": ("2019-05-22", 1502), "huong-khe/gia-pho": ("2019-12-27", 4468),
                "duc-tho/yen-ho": ("2019-12-27", 4471), "duc-tho/thai-yen": ("2020-06-26", 2247)}
    for cid, (d, n) in advanced.items():
        d = D(d)
        communes[cid].recognitions.append(
            ("advanced", d, f"Quyết định số {n}/QĐ-UBND ngày {vn_date(d)}"))
    return batches


def person(rng, used):
    while True:
        if rng.random() < 0.6:
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
        else:
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
        if name not in used and name not in REAL_NAMES:
            used.add(name)
            return name


def plan_people(rng, communes, seconded_2016, seconded_2017):
    used = set()
    for cid in TARGET_2015:
        communes[cid].officers.append(dict(
            name=person(rng, used), role="cán bộ phụ trách",
            agency="Văn phòng Điều phối NTM tỉnh", start=D("2015-01-05"), until=D("2015-12-31")))
    rounds = [(SECONDED_2014, D("2014-09-15"), D("2015-12-31")),
              (seconded_2016, D("2016-03-01"), D("2016-12-31")),
              (seconded_2017, D("2017-08-01"), None)]
    k = 0
    for members, start, until in rounds:
        for cid in members:
            communes[cid].officers.append(dict(
                name=person(rng, used), role="cán bộ biệt phái",
                agency=SECONDED_AGENCIES[k % len(SECONDED_AGENCIES)], start=start, until=until))
            k += 1
    pool = BLOC[1:] + OTHER_SPONSORS
    for cid in sorted(communes):
        c = communes[cid]
        if cid in SPONSORS:
            c.sponsors = list(SPONSORS[cid])
        elif c.cls in ("s14", "e12", "e13"):
            raise AssertionError(cid)
        else:
            u = rng.random()
            if u < 0.68:
                c.sponsors = [rng.choice(pool)]
            elif u < 0.8:
                c.sponsors = rng.sample(pool, 2)


def plan_indicators(rng, communes):
    """Indicators at the end of 2014: sums are the seed's 5,556 and 3,036."""
    ids = sorted(cid for cid, c in communes.items() if c.cls not in ("never", "once"))
    raw = {cid: max(6.0, rng.gauss(24, 8) + (6 if communes[cid].cls in ("e12", "e13", "s14") else 0))
           for cid in ids}
    scale = 5556 / sum(raw.values())
    prod = {cid: max(5, round(v * scale)) for cid, v in raw.items()}
    while sum(prod.values()) != 5556:
        cid = rng.choice(ids)
        step = 1 if sum(prod.values()) < 5556 else -1
        if prod[cid] + step >= 5:
            prod[cid] += step
    eff = {cid: round(prod[cid] * rng.uniform(0.45, 0.64)) for cid in ids}
    while sum(eff.values()) != 3036:
        cid = rng.choice(ids)
        step = 1 if sum(eff.values()) < 3036 else -1
        if 1 <= eff[cid] + step <= prod[cid] - 1:
            eff[cid] += step
    ent = {cid: rng.choice([0, 1, 1, 2, 2, 3, 4]) for cid in ids}
    coop = {cid: rng.choice([1, 1, 2, 2, 3]) for cid in ids}
    for cid in ids:
        c = communes[cid]
        c.ind14 = (prod[cid], eff[cid], ent[cid], coop[cid])


def indicators_on(c, d):
    p, e, ent, coop = c.ind14
    years = (d - YEAR_END[2014]).days / 365.25
    if years == 0:
        return p, e, ent, coop
    pp = max(1, round(p * 1.11 ** years))
    ee = min(pp, max(0, round(e * 1.14 ** years)))
    return pp, ee, max(0, ent + math.floor(years * 0.7)), max(1, coop + math.floor(years * 0.4))


def simulate():
    rng = random.Random(SEED)
    communes, groups = build_tree(rng)
    assign_classes(rng, communes)
    plan_reach_dates(rng, communes)
    plan_phase_a(rng, communes)
    compared = [c for c in communes.values()
                if IDX[BASELINES[5]] in c.anchors_a and IDX[YEAR_END[2014]] in c.anchors_a
                or c.cls == "once"]
    n = len(compared)
    target = round(2.70 * n)
    assert round_half_away(target, n) == "2.70"
    calibrate_2014(rng, communes, target)
    t16 = sorted(cid for cid, c in communes.items() if c.cls == "t16")
    T16_LATE[:] = rng.sample(t16, 5)
    listed = plan_listing(rng, communes)
    plan_phase_a_after_2014(rng, communes)
    for c in communes.values():
        if c.anchors_a:
            for k, v in fill(rng, c.anchors_a, min(c.anchors_a), I_S).items():
                c.count[k] = v
            if c.cls == "once":
                c.count[IDX[BASELINES[5]]] = c.anchors_a[IDX[BASELINES[5]]]
    if communes["ky-anh/ky-thu"].order_a:
        communes["ky-anh/ky-thu"].order_a = list(KY_THU_ORDER)
    special = set(TARGET_2015) | set(SECONDED_2014) | set(STANDARD_2014)
    plan_losses(rng, communes, D("2015-01-08"), D("2016-09-29"), 8, special)
    reachers16 = sorted(cid for cid in t16 if cid not in T16_LATE)
    seconded_2016 = rng.sample(reachers16, 6)
    t18 = sorted(cid for cid, c in communes.items() if c.cls == "t18")
    seconded_2017 = rng.sample(t18, 7)
    plan_phase_b(rng, communes, seconded_2016)
    for c in communes.values():
        if c.anchors_b:
            for k, v in fill(rng, c.anchors_b, I_R, N - 1).items():
                c.count[k] = v
    plan_losses(rng, communes, D("2017-01-05"), D("2017-12-28"), 5,
                special | set(seconded_2016) | set(seconded_2017))
    plan_recognitions(rng, communes)
    plan_people(rng, communes, seconded_2016, seconded_2017)
    plan_indicators(rng, communes)
    return rng, communes, groups, listed


def round_half_away(num, den):
    """num/den rounded half away from zero to 2 decimals, as text (exact integer arithmetic)."""
    neg = (num < 0) != (den < 0)
    num, den = abs(num), abs(den)
    q, r = divmod(num * 100, den)
    if 2 * r >= den:
        q += 1
    s = f"{q // 100}.{q % 100:02d}"
    return "-" + s if neg and q else s


# --------------------------------------------------------------------------------------------
# Texts (Vietnamese). Facts from the seeds are retold in new words; the rest is illustrative.
# --------------------------------------------------------------------------------------------

NARRATIVES = {
    "ky-anh/ky-tan": """\
Kỳ Tân là một xã thuần nông của huyện Kỳ Anh. Khi chương trình xây dựng nông thôn mới bắt đầu,
xã có điểm xuất phát rất thấp: các báo cáo năm 2011 ghi nhận Kỳ Tân mới đạt **6 trên 19 tiêu
chí**.

Xã được Đảng ủy Khối các cơ quan tỉnh nhận đỡ đầu. Bài viết của Đảng ủy Khối (tháng 2/2015) cho
rằng phần đóng góp vật chất của Khối thực ra không lớn; điều cán bộ và người dân ở đây ghi nhận
nhiều hơn là sự đồng hành, cách làm chủ động, biết thuyết phục và tinh thần nêu gương, một quá
trình mà bài viết gọi là đi “từ cán bộ vận đến dân vận”.

Năm 2013, Kỳ Tân về đích nông thôn mới, sớm hai năm so với mốc 2015 của lộ trình ban đầu. Trên
trang này, xã đạt đủ 19 tiêu chí trong đợt rà soát toàn tỉnh cuối năm 2013 và được công nhận đạt
chuẩn ngay cuối năm đó.

## Sản xuất

Hợp tác xã Tân Thành có trang trại nuôi bò quy mô khoảng 60 con. Thôn Tân Thành cũng là nơi
xây dựng khu dân cư nông thôn mới kiểu mẫu (xem mục Mô hình).

*Số tiêu chí theo từng kỳ báo cáo là số liệu minh họa; các mốc 6 tiêu chí (2011), về đích
(2013) và đơn vị đỡ đầu lấy từ bài viết của Đảng ủy Khối các cơ quan tỉnh.*
""",
    "duc-tho/yen-ho": """\
Cũng như Kỳ Tân, Yên Hồ (Đức Thọ) là xã thuần nông và xuất phát thấp: năm 2012 xã mới đạt
**6 tiêu chí**. Xã được Đảng ủy Khối các cơ quan tỉnh đỡ đầu; Sở Khoa học và Công nghệ hỗ trợ
một số mô hình đưa tiến bộ khoa học kỹ thuật vào sản xuất.

Người dân Yên Hồ ra quân làm đường giao thông thôn xóm; xã viên hợp tác xã trồng rau ở thôn
Tiến Thọ làm đất, xuống giống vụ đông. Năm 2014 xã về đích nông thôn mới, sớm một năm so với
lộ trình. Khi xã về đích, Đảng ủy Khối và các cơ quan trong Khối đã trao tiền và hiện vật hỗ
trợ địa phương.

*Số tiêu chí theo từng kỳ báo cáo là số liệu minh họa; các mốc 6 tiêu chí (2012), về đích
(2014) và đơn vị đỡ đầu lấy từ bài viết của Đảng ủy Khối các cơ quan tỉnh (2/2015).*
""",
    "ky-anh/ky-thu": """\
Kỳ Thư (Kỳ Anh) là một trong 26 xã đăng ký về đích nông thôn mới năm 2015. Năm đó mỗi xã đăng
ký có một cán bộ của Văn phòng Điều phối tỉnh theo dõi, tuần ba ngày xuống xã, sáng thứ Sáu gửi
báo cáo tiến độ.

Theo sổ theo dõi của Văn phòng được báo chí dẫn lại, trong tuần từ 21 đến 27/8/2015 Kỳ Thư có
thêm **bốn tiêu chí** đạt chuẩn: trường học, bưu điện, hình thức tổ chức sản xuất và an ninh,
trật tự xã hội. Cả tỉnh tuần đó có 10 xã tăng được tổng cộng 21 tiêu chí.

*Các kỳ báo cáo khác của xã là số liệu minh họa.*
""",
    "can-loc/dong-loc": """\
Đồng Lộc (Can Lộc) được Sở Giao thông Vận tải đỡ đầu. Theo bài viết của Đảng ủy Khối các cơ
quan tỉnh (2/2015), Sở giúp khảo sát, thiết kế và lồng ghép các nguồn vốn làm đường giao thông
nông thôn; mở lớp tập huấn cho cán bộ xã, thôn về quản lý đầu tư, giám sát cộng đồng và quản lý,
bảo trì đường. Xã Sơn Mai (Hương Sơn) được hỗ trợ theo cách tương tự.

*Số liệu theo kỳ báo cáo và ngày công nhận là minh họa.*
""",
}

MODELS = [
    dict(slug="khu-dan-cu-kieu-mau-tan-thanh", title="Khu dân cư NTM kiểu mẫu thôn Tân Thành",
         kind="residential", commune="ky-anh/ky-tan", status="recognized",
         registered="2014-03-01", recognized="2015-06-10", credit="Văn phòng Điều phối NTM tỉnh",
         photos=[("01.jpg", "Đường làng thôn Tân Thành được bê tông hóa, hai bên trồng hoa", "road"),
                 ("02.jpg", "Trang trại bò của Hợp tác xã Tân Thành", "cattle"),
                 ("03.jpg", "Nhà văn hóa thôn và sân thể thao", "culture")],
         body="""\
Thôn Tân Thành (xã Kỳ Tân) là một trong những thôn đầu tiên của huyện Kỳ Anh đăng ký xây dựng
khu dân cư nông thôn mới kiểu mẫu, sau khi xã về đích năm 2013.

Người dân góp công, góp đất mở rộng đường làng, chỉnh trang hàng rào, cổng ngõ và vườn hộ. Hợp
tác xã Tân Thành phát triển chăn nuôi bò tập trung.

*Ngày đăng ký, ngày công nhận và ảnh là minh họa; ảnh được vẽ lại, không phải ảnh chụp.*
"""),
    dict(slug="vuon-mau-thon-tien-tho", title="Vườn mẫu thôn Tiến Thọ",
         kind="garden", commune="duc-tho/yen-ho", status="recognized",
         registered="2014-08-15", recognized="2015-09-18", credit="Văn phòng Điều phối NTM tỉnh",
         photos=[("01.jpg", "Luống rau vụ đông trong vườn mẫu", "vegetables"),
                 ("02.jpg", "Lối đi và hàng rào xanh trước nhà", "garden")],
         body="""\
Vườn mẫu ở thôn Tiến Thọ (xã Yên Hồ) được quy hoạch lại theo hướng tổ chức sản xuất trong từng
vườn gia đình: khu rau an toàn, khu cây ăn quả, lối đi và hàng rào xanh. Thôn có hợp tác xã trồng
rau, xã viên làm đất, xuống giống vụ đông.

*Thông tin chi tiết và ảnh là minh họa.*
"""),
    dict(slug="khu-dan-cu-kieu-mau-thai-yen", title="Khu dân cư NTM kiểu mẫu thôn Trung Tiến",
         kind="residential", commune="duc-tho/thai-yen", status="building",
         registered="2015-01-20", credit=None,
         photos=[("01.jpg", "Đường trục thôn đang được chỉnh trang", "road"),
                 ("02.jpg", "Nhà ở và vườn hộ trong khu dân cư", "houses")],
         body="""\
Khu dân cư kiểu mẫu đang xây dựng ở xã Thái Yên (Đức Thọ), xã được Sở Công Thương đỡ đầu.

*Tên thôn, ngày đăng ký và ảnh là minh họa.*
"""),
    dict(slug="vuon-cam-mau-son-truong", title="Vườn cam mẫu xã Sơn Trường",
         kind="garden", commune="huong-son/son-truong", status="building",
         registered="2015-03-12", credit=None,
         photos=[("01.jpg", "Hàng cam trên sườn đồi", "orchard"),
                 ("02.jpg", "Vườn cam và nhà vườn", "orchard_house"),
                 ("03.jpg", "Lối đi giữa vườn", "orchard_path")],
         body="""\
Hương Sơn có nghề trồng cam lâu đời. Vườn mẫu này sắp xếp lại vườn đồi của hộ gia đình: trồng
cam theo hàng, có lối đi, rãnh thoát nước và khu ủ phân.

*Thông tin chi tiết và ảnh là minh họa.*
"""),
    dict(slug="khu-dan-cu-kieu-mau-dong-loc", title="Khu dân cư NTM kiểu mẫu thôn Trung Thượng",
         kind="residential", commune="can-loc/dong-loc", status="recognized",
         registered="2014-10-02", recognized="2016-05-20", credit="Văn phòng Điều phối NTM tỉnh",
         photos=[("01.jpg", "Đường thôn có hàng cây và điện chiếu sáng", "road_evening"),
                 ("02.jpg", "Cánh đồng lúa bên khu dân cư", "field")],
         body="""\
Khu dân cư kiểu mẫu ở xã Đồng Lộc (Can Lộc). Đường thôn được bê tông hóa, có điện chiếu sáng
và hàng cây xanh.

*Tên thôn, ngày tháng và ảnh là minh họa.*
"""),
    dict(slug="vuon-mau-cam-thang", title="Vườn mẫu xã Cẩm Thăng",
         kind="garden", commune="cam-xuyen/cam-thang", status="registered",
         registered="2015-02-05", credit=None,
         photos=[("01.jpg", "Vườn hộ trước khi cải tạo", "garden_before"),
                 ("02.jpg", "Khu rau trong vườn", "vegetables")],
         body="""\
Vườn đăng ký xây dựng vườn mẫu ở xã Cẩm Thăng (Cẩm Xuyên), xã được Sở Khoa học và Công nghệ
hỗ trợ các mô hình ứng dụng tiến bộ kỹ thuật.

*Thông tin chi tiết và ảnh là minh họa.*
"""),
    dict(slug="khu-dan-cu-kieu-mau-thach-long", title="Khu dân cư NTM kiểu mẫu xã Thạch Long",
         kind="residential", commune="thach-ha/thach-long", status="building",
         registered="2015-04-16", credit=None,
         photos=[("01.jpg", "Đường làng ven cánh đồng", "field_road"),
                 ("02.jpg", "Nhà văn hóa thôn", "culture")],
         body="""\
Khu dân cư kiểu mẫu đang xây dựng ở xã Thạch Long (Thạch Hà), xã được Sở Y tế đỡ đầu.

*Thông tin chi tiết và ảnh là minh họa.*
"""),
]

PAGES = {}
PAGES["gioi-thieu"] = ("Giới thiệu", "Trang này là gì, số liệu nào là thật, số liệu nào là minh họa.", """\
Trang **Nông thôn mới Hà Tĩnh** theo dõi tiến độ xây dựng nông thôn mới ở các xã của tỉnh: mỗi
xã đạt những tiêu chí nào, tuần này xã nào có thêm tiêu chí, năm nay bao nhiêu xã đạt chuẩn và
các mục tiêu tỉnh đề ra đã đạt hay chưa.

## Đây là bộ dữ liệu mẫu

Nội dung hiện tại là **bộ dữ liệu mẫu** dùng để trình diễn và kiểm thử phần mềm `ntm-site`.
Tên các huyện, thị xã, thành phố và tên các xã là tên thật (khoảng năm 2015). Hai bộ tiêu chí
quốc gia (Quyết định số 491/QĐ-TTg ngày 16/4/2009 và Quyết định số 1980/QĐ-TTg ngày 17/10/2016)
là văn bản thật.

**Các số liệu là minh họa**, trừ những sự kiện dưới đây, lấy từ báo chí và văn bản công khai,
mà bộ dữ liệu tái hiện đúng:

- Tuần từ 21 đến 27/8/2015, trong 26 xã đăng ký về đích năm 2015 có 10 xã tăng được 21 tiêu
  chí, 16 xã không tăng; xã Kỳ Thư (Kỳ Anh) tăng 4 tiêu chí: trường học, bưu điện, hình thức
  tổ chức sản xuất, an ninh trật tự (phóng sự báo chí về Văn phòng Điều phối NTM Hà Tĩnh, cuối
  tháng 9/2015).
- Năm 2014 bình quân mỗi xã tăng 2,7 tiêu chí; cuối năm có 26 xã đạt chuẩn và không còn xã dưới
  5 tiêu chí; 20 trong 26 xã đạt chuẩn do các cơ quan, đơn vị thuộc Đảng bộ Khối các cơ quan tỉnh
  đỡ đầu; toàn tỉnh có 5.556 mô hình sản xuất, kinh doanh hiệu quả, trong đó 3.036 mô hình hiệu
  quả cao; các địa phương đã đăng ký 386 khu dân cư kiểu mẫu và 430 vườn mẫu. Kỳ Tân đạt 6 tiêu
  chí năm 2011 và về đích năm 2013; Yên Hồ đạt 6 tiêu chí năm 2012 và về đích năm 2014 (bài
  viết của Đảng ủy Khối các cơ quan tỉnh, tháng 2/2015).
- Các mục tiêu trong Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Văn phòng
  Điều phối NTM tỉnh ngày 07/9/2014: năm 2014 mỗi huyện, thành phố có từ 1 đến 2 xã đạt 19 tiêu
  chí; đến 30/6/2015 không còn xã nào dưới 7 tiêu chí.

Những gì còn lại đều là minh họa: số tiêu chí từng xã theo từng tuần, mã đơn vị hành chính, dân
số, diện tích, năm đăng ký về đích, đơn vị đỡ đầu (ngoài các cặp nêu trong bài viết của Đảng ủy
Khối), tên cán bộ (tự đặt), số và ngày quyết định công nhận, các khu dân cư kiểu mẫu, vườn mẫu
và ảnh (ảnh vẽ minh họa, không phải ảnh chụp), thông tin liên hệ. Cán bộ biệt phái về xã (20
xã, 13 xã đã đạt chuẩn) mô phỏng theo số liệu của tỉnh Tuyên Quang (Báo Tuyên Quang, 2017), chỉ
để minh họa. Cụm xã vùng biên trong huyện Hương Sơn là một nhóm minh họa, không phải đơn vị
hành chính.

Cách tính các con số được trình bày ở trang *Phương pháp tính*.
""")
PAGES["phuong-phap"] = ("Phương pháp tính", "Các con số trên trang được tính như thế nào.", """\
Mọi con số trên trang, trong bản tin và trong các tệp dữ liệu tải về đều tính theo cùng một
cách, mô tả dưới đây.

## Kỳ báo cáo

Văn phòng Điều phối tổng hợp báo cáo theo tuần: tuần báo cáo tính từ thứ Sáu đến thứ Năm, cán bộ
phụ trách xã gửi báo cáo sáng thứ Sáu, và kỳ báo cáo mang ngày thứ Năm cuối tuần. Mỗi kỳ chỉ liệt
kê những xã báo cáo trong tuần: các xã đăng ký về đích trong năm báo cáo hằng tuần, các xã khác
khoảng một tháng một lần. Trước năm 2014 chỉ có các đợt rà soát toàn tỉnh sáu tháng một lần;
cuối mỗi năm có một đợt rà soát tất cả các xã kèm số mô hình sản xuất.

## Tình trạng của một xã

Tình trạng của một xã vào ngày D là báo cáo gần nhất của xã đó, vào ngày D hoặc trước đó. Xã
chưa có báo cáo nào thì *chưa có số liệu* và không được tính ở đâu cả. Một xã **đạt chuẩn**
vào ngày D khi đạt đủ mọi tiêu chí của bộ tiêu chí mà báo cáo đó dùng; việc này khác với việc
xã **được công nhận** bằng quyết định của UBND tỉnh, trang hiển thị cả hai.

## Tăng, giảm, lần đầu và chuyển bộ tiêu chí

Ở mỗi kỳ báo cáo, tiêu chí của một xã được so với tình trạng của xã đó vào ngày hôm trước:
tiêu chí *tăng* là tiêu chí nay đạt mà trước chưa đạt; tiêu chí *giảm* là tiêu chí trước đạt
mà nay không đạt. Xã báo cáo lần đầu không tính tăng, giảm. Xã mà báo cáo trước dùng bộ tiêu chí
khác (ví dụ khi chuyển từ bộ tiêu chí 2009 sang bộ tiêu chí 2016) được tính là **đánh giá lại
theo bộ tiêu chí mới**: không tính tăng, giảm, và được nêu rõ.

Từ ngày 17/10/2016 bộ tiêu chí giai đoạn 2016–2020 có hiệu lực. Kỳ báo cáo 20/10/2016 là đợt
rà soát lại toàn bộ các xã theo bộ tiêu chí mới; nhiều xã đạt ít tiêu chí hơn vì yêu cầu của bộ
mới cao hơn, điều đó không phải là “giảm tiêu chí”.

## Nhóm xã theo số tiêu chí

Với bộ 19 tiêu chí, các xã được chia thành năm nhóm: đạt chuẩn (19), từ 15 đến 18, từ 10 đến
14, từ 5 đến 9 và dưới 5 tiêu chí.

## Số bình quân

Số bình quân được tính từ tổng và số lượng chính xác rồi làm tròn đến hai chữ số thập phân, nửa
đơn vị làm tròn ra xa số 0 (ví dụ 9,625 thành 9,63).

## Xã đăng ký về đích

Ở mỗi kỳ báo cáo, *xã đăng ký về đích* là các xã có năm đăng ký về đích trùng với năm của kỳ
báo cáo. Bản tin tuần tách riêng số liệu của nhóm xã này.

## Tổng kết năm

Với mỗi năm: số xã có số liệu và số xã đạt chuẩn tính vào ngày 31/12 (hoặc ngày báo cáo cuối
cùng nếu năm chưa hết); số xã đạt chuẩn mới trong năm; số tiêu chí tăng bình quân, tính trên các
xã có số liệu cả đầu năm và cuối năm theo cùng một bộ tiêu chí, sau khi trừ các tiêu chí bị giảm;
và số tiêu chí ít nhất mà một xã đạt. Câu “năm 2014 bình quân các xã tăng 2,7 tiêu chí, 26 xã đạt
chuẩn, không còn xã dưới 5 tiêu chí” được đọc theo đúng các định nghĩa đó.

## Mục tiêu

Mỗi mục tiêu của tỉnh (hoặc của huyện) có hạn chót và một cách đo: số tiêu chí tối thiểu của mọi
xã; số xã đạt chuẩn tối thiểu trong mỗi huyện; tổng số xã đạt chuẩn; hoặc toàn bộ các xã đăng ký
về đích trong năm hạn chót đều đạt chuẩn. Mục tiêu được đánh giá vào hạn chót nếu hạn chót đã
qua, nếu chưa thì vào ngày báo cáo cuối cùng; kết quả là *đạt*, *không đạt* hoặc *đang thực
hiện*, kèm số còn thiếu.

## Chỉ số mô hình

Thông báo kết luận ngày 07/9/2014 yêu cầu xây dựng bộ chỉ số theo dõi gồm số tiêu chí đạt, số
mô hình sản xuất mới và số doanh nghiệp, hợp tác xã mới. Một số báo cáo kèm các chỉ số này: số
mô hình sản xuất, kinh doanh hiệu quả; số mô hình hiệu quả cao; số doanh nghiệp; số hợp tác xã.
Số toàn tỉnh là tổng của số liệu báo cáo gần nhất của từng xã.
""")
PAGES["lien-he"] = ("Liên hệ", "Địa chỉ liên hệ của Văn phòng Điều phối (minh họa).", """\
**Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh Hà Tĩnh**

Các thông tin liên hệ dưới đây là **minh họa** cho bộ dữ liệu mẫu, không phải địa chỉ thật.

- Thư điện tử: vanphong@ntm.hatinh.example
- Điện thoại: 0239 3 000 000
- Địa chỉ: thành phố Hà Tĩnh, tỉnh Hà Tĩnh

Góp ý về số liệu của một xã xin ghi rõ tên xã, kỳ báo cáo và tiêu chí liên quan. Hướng dẫn cập
nhật số liệu cho cán bộ phụ trách xã có trong tệp `tai-lieu/huong-dan.txt` của trang.
""")

BULLETINS = {
    "2014-12-25": """\
Kỳ báo cáo cuối cùng của năm 2014 là đợt rà soát tất cả các xã. Toàn tỉnh có **26 xã đạt đủ 19
tiêu chí**, không còn xã nào đạt dưới 5 tiêu chí; bình quân mỗi xã tăng 2,7 tiêu chí so với cuối
năm 2013. Các xã đều báo cáo kèm số mô hình sản xuất, kinh doanh: cộng lại toàn tỉnh có 5.556 mô
hình hiệu quả, trong đó 3.036 mô hình hiệu quả cao.

Hai huyện, thị xã chưa có xã đạt chuẩn nên mục tiêu “mỗi huyện, thành phố có từ 1 đến 2 xã đạt
19 tiêu chí trong năm 2014” chưa đạt.
""",
    "2015-08-27": """\
Tuần từ 21 đến 27/8/2015, trong 26 xã đăng ký về đích năm nay **10 xã tăng được 21 tiêu chí**,
16 xã không có tiêu chí nào tăng thêm. Kỳ Thư (Kỳ Anh) tăng nhiều nhất với 4 tiêu chí: trường
học, bưu điện, hình thức tổ chức sản xuất và an ninh, trật tự xã hội.

Cán bộ phụ trách các xã chưa có tiến bộ trong tuần cần làm rõ vướng mắc để Văn phòng báo cáo Ban
Chỉ đạo tỉnh trong tuần tới.
""",
    "2016-10-20": """\
Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020 (Quyết định số 1980/QĐ-TTg ngày
17/10/2016) có hiệu lực từ ngày 17/10. Kỳ báo cáo này là đợt rà soát lại tất cả các xã theo bộ
tiêu chí mới: các xã đều được tính là **đánh giá lại theo bộ tiêu chí mới**, không tính tăng hay
giảm tiêu chí. Nhiều xã đã đạt chuẩn theo bộ tiêu chí cũ nay chưa đạt đủ 19 tiêu chí theo bộ mới.
""",
}

NEWS = []
NEWS.append(dict(
    slug="ket-luan-chu-tich-ubnd-tinh-07-9-2014", date="2014-09-10",
    title="Chủ tịch UBND tỉnh giao nhiệm vụ cho Văn phòng Điều phối nông thôn mới",
    summary="Năm 2014 mỗi huyện, thành phố phải có 1 đến 2 xã đạt 19 tiêu chí; đến 30/6/2015 không còn xã dưới 7 tiêu chí.",
    author="Ban biên tập", tags=["chỉ đạo", "mục tiêu", "văn phòng điều phối"], communes=[],
    body="""\
Ngày 07/9/2014, Chủ tịch UBND tỉnh Võ Kim Cự, Trưởng Ban Chỉ đạo Chương trình nông thôn mới
tỉnh, làm việc với Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh. Văn phòng UBND
tỉnh sau đó ra thông báo kết luận của buổi làm việc.

Chủ tịch UBND tỉnh ghi nhận Văn phòng Điều phối đã vượt qua nhiều khó khăn (việc nhiều, người ít,
điều kiện làm việc còn thiếu) để làm tốt vai trò tham mưu, tổng hợp và điều phối, và giao một
loạt nhiệm vụ cho thời gian tới.

## Những mục tiêu có hạn chót

- Trong năm 2014, mỗi huyện, thành phố phải có từ 1 đến 2 xã đạt 19 tiêu chí.
- Đến 30/6/2015, không còn xã nào đạt dưới 7 tiêu chí.
- Phấn đấu trong năm 2014 có 70% số xã có đủ các loại mô hình sản xuất, 100% số xã có doanh
  nghiệp hoặc hợp tác xã, không còn xã “trắng mô hình”.

Trang này theo dõi hai mục tiêu đầu trong mục *Mục tiêu*.

## Theo dõi bằng số liệu

Văn phòng Điều phối được giao xây dựng một bộ chỉ số đánh giá hiệu quả chỉ đạo ở các địa
phương, gồm số tiêu chí đạt, số mô hình mới, số doanh nghiệp và hợp tác xã mới hình thành, cập
nhật thường xuyên và kiểm tra thực tế hằng tháng, hằng quý.

## Tăng người cho Văn phòng

Mười sở (Tài chính, Kế hoạch và Đầu tư, Nội vụ, Công Thương, Xây dựng, Tài nguyên và Môi
trường, Giao thông Vận tải, Y tế, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch) mỗi sở cử
một cán bộ chuyên môn đến làm việc chuyên trách tại Văn phòng Điều phối từ tháng 9/2014. Các
huyện, thành phố, thị xã bố trí tối thiểu 5 cán bộ chuyên trách cho văn phòng điều phối cấp
huyện và phân công cán bộ phụ trách từng xã.
"""))
NEWS.append(dict(
    slug="tong-ket-nam-2014", date="2015-01-06",
    title="Năm 2014: bình quân mỗi xã tăng 2,7 tiêu chí, 26 xã đạt chuẩn",
    summary="Cuối năm 2014 toàn tỉnh có 26 xã đạt 19 tiêu chí và không còn xã nào dưới 5 tiêu chí.",
    author="Ban biên tập", tags=["tổng kết", "năm 2014"], communes=["ky-anh/ky-tan", "duc-tho/yen-ho"],
    body="""\
Theo đợt rà soát tất cả các xã cuối năm 2014, bình quân mỗi xã trong tỉnh tăng **2,7 tiêu chí**
so với cuối năm 2013. Số xã đạt đủ 19 tiêu chí tăng lên **26 xã**, và không còn xã nào đạt dưới
5 tiêu chí.

Trong số các xã về đích năm 2014 có Yên Hồ (Đức Thọ), xã năm 2012 mới đạt 6 tiêu chí. Trước đó
một năm, Kỳ Tân (Kỳ Anh) đã về đích từ mức 6 tiêu chí của năm 2011.

Khu vực sản xuất cũng có chuyển biến: toàn tỉnh có 5.556 mô hình sản xuất, kinh doanh hiệu quả,
trong đó 3.036 mô hình đạt hiệu quả cao.

Mục tiêu mỗi huyện, thành phố có từ 1 đến 2 xã đạt chuẩn trong năm 2014 (Thông báo kết luận
ngày 07/9/2014) chưa hoàn thành: theo số liệu mẫu của trang, còn hai đơn vị chưa có xã nào đạt
chuẩn. Xem chi tiết trong mục *Mục tiêu*.
"""))
NEWS.append(dict(
    slug="dang-uy-khoi-do-dau", date="2015-02-12", folder=True, cover="anh-bia.jpg",
    title="Đảng bộ Khối các cơ quan tỉnh: đỡ đầu 20 trong 26 xã đạt chuẩn",
    summary="Công tác dân vận và tài trợ, đỡ đầu của các cơ quan cấp tỉnh góp phần đưa nhiều xã về đích.",
    author="Ban biên tập", tags=["đỡ đầu", "dân vận", "mô hình"],
    communes=["ky-anh/ky-tan", "duc-tho/yen-ho", "duc-tho/thai-yen", "can-loc/dong-loc",
              "huong-son/son-mai", "thach-ha/thach-long", "cam-xuyen/cam-thang",
              "huong-son/son-quang", "loc-ha/thinh-loc", "huong-son/son-bang"],
    body="""\
![Đường làng mới làm ở một xã được đỡ đầu (ảnh vẽ minh họa)](anh-bia.jpg)

Đầu năm 2015, Đảng ủy Khối các cơ quan tỉnh nhìn lại công tác dân vận trong xây dựng nông thôn
mới của các cơ quan trong Khối. Theo bài viết của đồng chí Lê Văn Vinh, Phó Bí thư Thường trực
Đảng ủy Khối, phong trào “dân vận khéo” được coi là giải pháp chủ đạo; Ban Thường vụ Đảng ủy Khối
đã ban hành Kế hoạch số 12-KH/ĐUK ngày 01/11/2011 để triển khai.

## Đỡ đầu theo đúng chuyên môn

Mỗi cơ quan chọn cách giúp xã phù hợp với ngành mình:

- Sở Công Thương hỗ trợ sản xuất và hướng dẫn xây dựng cụm công nghiệp ở xã Thái Yên (Đức Thọ).
- Sở Giao thông Vận tải khảo sát, thiết kế, lồng ghép vốn làm đường và tập huấn quản lý, bảo
  trì đường cho cán bộ hai xã Đồng Lộc (Can Lộc) và Sơn Mai (Hương Sơn).
- Sở Y tế khám chữa bệnh, tiêm chủng, phòng dịch và tặng trang thiết bị cho trạm y tế xã Thạch
  Long (Thạch Hà).
- Sở Khoa học và Công nghệ hỗ trợ mô hình ứng dụng tiến bộ kỹ thuật ở Cẩm Thăng (Cẩm Xuyên), Sơn
  Quang (Hương Sơn) và Yên Hồ (Đức Thọ).
- Sở Văn hóa, Thể thao và Du lịch giúp Thịnh Lộc (Lộc Hà) lập câu lạc bộ thể thao và hoàn thiện
  cơ sở vật chất văn hóa; Sở Giáo dục và Đào tạo giúp Sơn Bằng (Hương Sơn) hoàn thiện chỉ tiêu cơ
  sở vật chất trường học.
- Sở Thông tin và Truyền thông đào tạo tin học cho cán bộ 20 xã, hỗ trợ máy tính và đường truyền
  internet cho 7 xã biên giới; Đoàn Khối hỗ trợ 21 tuyến điện chiếu sáng dài 31 km.

Kết quả được bài viết tóm lại bằng một con số: đến cuối năm 2014, **20 trong 26 xã** đạt chuẩn
nông thôn mới của tỉnh do các cơ quan, đơn vị thuộc Đảng bộ Khối đỡ đầu.

## Hai xã thuần nông

Kỳ Tân (Kỳ Anh) và Yên Hồ (Đức Thọ) đều là xã thuần nông, xuất phát rất thấp: Kỳ Tân 6 tiêu
chí năm 2011, Yên Hồ 6 tiêu chí năm 2012. Kỳ Tân về đích năm 2013, sớm hai năm; Yên Hồ về đích
năm 2014, sớm một năm. Bài viết nhấn mạnh phần đóng góp vật chất của Khối không nhiều; điều được
ghi nhận là sự đồng hành và cách làm biết thuyết phục người dân.

## Mô hình và khu dân cư kiểu mẫu

Năm 2014 toàn tỉnh có 5.556 mô hình sản xuất, kinh doanh hiệu quả, trong đó 3.036 mô hình hiệu
quả cao. Phong trào xây dựng khu dân cư kiểu mẫu lan rộng: các địa phương đã đăng ký **386 khu
dân cư kiểu mẫu và 430 vườn mẫu**, đang xây dựng 91 khu dân cư và 250 vườn.

Bài viết cũng chỉ ra những hạn chế: chỉ đạo ở một số cơ sở chưa quyết liệt, việc rà soát tiêu
chí của một số ngành chưa thường xuyên, một bộ phận người dân còn trông chờ, ỷ lại, và công tác
đỡ đầu chưa đồng đều giữa các đơn vị.
"""))
NEWS.append(dict(
    slug="tuan-21-27-8-2015", date="2015-08-28",
    title="Tuần 21–27/8/2015: 10 xã tăng 21 tiêu chí",
    summary="Trong 26 xã đăng ký về đích năm 2015, tuần qua 10 xã có thêm tiêu chí đạt chuẩn; Kỳ Thư tăng 4 tiêu chí.",
    author="Ban biên tập", tags=["bản tin tuần", "xã về đích 2015"], communes=["ky-anh/ky-thu"],
    body="""\
Báo cáo sáng thứ Sáu 28/8 của cán bộ phụ trách các xã cho thấy một tuần có nhiều chuyển biến
trong nhóm 26 xã đăng ký về đích nông thôn mới năm 2015.[^1]

| Nhóm 26 xã đăng ký về đích năm 2015 | Tuần 21–27/8/2015 |
|---|---:|
| Số xã báo cáo | 26 |
| Số xã có thêm tiêu chí đạt chuẩn | 10 |
| Tổng số tiêu chí tăng thêm | 21 |
| Số xã có tiêu chí bị giảm | 0 |
| Số xã không tăng tiêu chí | 16 |

Xã tăng nhiều nhất là **Kỳ Thư** (Kỳ Anh), với bốn tiêu chí:

| Tiêu chí | Tên tiêu chí |
|---:|---|
| 5 | Trường học |
| 8 | Bưu điện |
| 13 | Hình thức tổ chức sản xuất |
| 19 | An ninh, trật tự xã hội |

Với 16 xã chưa có tiêu chí nào tăng thêm, Văn phòng Điều phối đề nghị cán bộ phụ trách làm rõ
vướng mắc để kịp báo cáo Ban Chỉ đạo tỉnh.

[^1]: Số liệu do Văn phòng Điều phối NTM tỉnh tổng hợp từ báo cáo hằng tuần; các con số của
    tuần này được một phóng sự báo chí cuối tháng 9/2015 dẫn lại.
"""))
NEWS.append(dict(
    slug="van-phong-dieu-phoi-vao-mua-ve-dich", date="2015-09-30",
    title="Văn phòng Điều phối vào mùa về đích",
    summary="Gần 30 cán bộ, mỗi người theo một xã đăng ký về đích năm 2015, tuần ba ngày ở cơ sở.",
    author="Ban biên tập", tags=["văn phòng điều phối", "xã về đích 2015"], communes=[],
    body="""\
Những ngày cuối tháng 9/2015, rất khó gặp cán bộ ở trụ sở Văn phòng Điều phối nông thôn mới tỉnh:
tỉnh đang dồn sức để 26 xã về đích vào cuối năm, và phần lớn cán bộ đã xuống xã.

## Một guồng việc theo tuần

Gần 30 cán bộ của Văn phòng được giao việc rõ ràng. Mỗi người phụ trách một xã đăng ký về đích
năm 2015, mỗi tuần ba ngày xuống xã theo dõi, đôn đốc và hướng dẫn. Sáng thứ Sáu hằng tuần, mỗi
cán bộ nộp báo cáo tiến độ của xã mình cho lãnh đạo Văn phòng. Sổ theo dõi ghi tiến độ từng tuần,
từng tháng của cả 26 xã; từ đó Ban Chỉ đạo tỉnh đưa ra cách hỗ trợ cụ thể cho từng nơi, và số
liệu được chia sẻ cho lãnh đạo các sở, ngành, huyện. Nhiều khi cán bộ làm cả buổi trưa, buổi tối
và ngày nghỉ cuối tuần.

## Bộ máy được kiện toàn

Văn phòng Điều phối cấp tỉnh và cấp huyện được thành lập ngày 12/02/2011. Cách tổ chức ban đầu,
chủ yếu dựa vào cán bộ kiêm nhiệm, không hiệu quả, nên ngày 11/10/2011 UBND tỉnh kiện toàn Văn
phòng: Giám đốc Sở Nông nghiệp và PTNT làm Chánh Văn phòng, một Phó Giám đốc Sở làm Phó Chánh
Văn phòng thường trực. Ở huyện, Văn phòng Điều phối trực thuộc UBND huyện, do một Phó Chủ tịch
huyện làm Chánh Văn phòng, có ít nhất hai cán bộ chuyên trách; mỗi xã có một cán bộ chuyên trách
nông thôn mới.

Hà Tĩnh cũng là một trong những tỉnh đi đầu điều động, biệt phái 12 công chức của 12 sở, ngành về
làm việc chuyên trách tại Văn phòng Điều phối: vướng ở lĩnh vực nào thì có cán bộ của ngành đó
xuống tháo gỡ ngay.
"""))
NEWS.append(dict(
    slug="bo-tieu-chi-giai-doan-2016-2020", date="2016-10-21",
    title="Rà soát lại các xã theo Bộ tiêu chí giai đoạn 2016–2020",
    summary="Từ 17/10/2016 áp dụng Bộ tiêu chí theo Quyết định số 1980/QĐ-TTg; kỳ báo cáo 20/10 là đợt rà soát lại toàn bộ các xã.",
    author="Ban biên tập", tags=["bộ tiêu chí", "phương pháp"], communes=[],
    body="@REBASE_BODY@"))
NEWS.append(dict(
    slug="kinh-nghiem-biet-phai-can-bo-tuyen-quang", date="2017-09-15",
    title="Kinh nghiệm Tuyên Quang: biệt phái cán bộ tỉnh về xã",
    summary="13 trong 20 xã có cán bộ biệt phái của tỉnh Tuyên Quang đã về đích nông thôn mới.",
    author="Ban biên tập", tags=["biệt phái", "kinh nghiệm"], communes=[],
    body="""\
Báo Tuyên Quang điện tử đưa tin về chủ trương biệt phái cán bộ từ tỉnh về các xã để hỗ trợ thực
hiện các tiêu chí nông thôn mới, áp dụng ở Tuyên Quang từ năm 2014.

Qua ba đợt, tỉnh này đã cử 20 cán bộ của các sở, ban, ngành, đoàn thể về xã: 7 người năm 2014, 6
người năm 2016 và 7 người năm 2017. Cán bộ biệt phái giúp xã lập kế hoạch, lộ trình, chuẩn bị hồ
sơ, thủ tục và vận động người dân; ngược lại, đây cũng là dịp rèn luyện cán bộ tỉnh từ thực tiễn
cơ sở. Theo bài báo, **13 trong 20 xã** có cán bộ biệt phái đã về đích, 7 xã còn lại phấn đấu về
đích trong năm 2017.

Bộ dữ liệu mẫu của trang này dùng đúng các con số đó (20 xã, 13 xã đạt chuẩn) để minh họa cách
trang theo dõi cán bộ biệt phái; tên cán bộ và tên xã trong dữ liệu mẫu là minh họa, không phải
cán bộ biệt phái thật của Hà Tĩnh.
"""))
NEWS.append(dict(
    slug="ke-hoach-tuyen-truyen-2018", date="2017-12-29", draft=True,
    title="Kế hoạch tuyên truyền về xây dựng nông thôn mới năm 2018 (dự thảo)",
    summary="Phối hợp với Báo Hà Tĩnh, Đài Phát thanh và Truyền hình tỉnh đưa số liệu từng tuần đến người dân.",
    author="Ban biên tập", tags=["tuyên truyền"], communes=[],
    body="""\
*Bản nháp, chưa công bố.*

Thông báo kết luận ngày 07/9/2014 yêu cầu Văn phòng Điều phối phối hợp với Báo Hà Tĩnh, Đài Phát
thanh và Truyền hình tỉnh và các cơ quan thông tin đại chúng xây dựng kế hoạch tuyên truyền phù
hợp với từng cơ quan, từ tỉnh đến thôn xóm. Năm 2018, Văn phòng dự kiến:

1. đăng bản tin tuần trên trang này mỗi sáng thứ Sáu;
2. gửi tóm tắt số liệu từng huyện cho các văn phòng điều phối cấp huyện;
3. mở chuyên mục giới thiệu khu dân cư kiểu mẫu và vườn mẫu.
"""))


# --------------------------------------------------------------------------------------------
# Writing text files by hand (no yaml.dump: the files should look hand-kept)
# --------------------------------------------------------------------------------------------

import re

_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = re.compile(r"^(?:~|null|true|false|yes|no|on|off|y|n)$", re.I)
_NUMLIKE = re.compile(r"^[-+]?(?:\d[\d_,.:]*|\.\d+)(?:[eE][-+]?\d+)?$|^[-+]?\.(?:inf|nan)$|^0[xob]", re.I)
_DATELIKE = re.compile(r"^\d{4}-\d\d?-\d\d?")


def ys(s):
    """A YAML scalar for text: plain when that reads back as the same text in YAML 1.1 and 1.2."""
    s = nfc(str(s))
    if (not s or s != s.strip() or s[0] in _BAD_START or ": " in s or " #" in s or s.endswith(":")
            or _RESERVED.match(s) or _NUMLIKE.match(s) or _DATELIKE.match(s)
            or any(ch in s for ch in "[]{}\t\n\\\"")):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def flow_ok(s):
    return ys(s) == nfc(s) and "," not in s


def flow_list(items):
    return "[" + ", ".join(str(x) for x in items) + "]"


class Writer:
    def __init__(self, root):
        self.root = root
        self.files = 0

    def text(self, rel, content):
        path = os.path.join(self.root, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        content = nfc(content)
        if not content.endswith("\n"):
            content += "\n"
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
        self.files += 1

    def binary(self, rel, data):
        path = os.path.join(self.root, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1


def front_matter(fields, body):
    lines = ["---"]
    for k, v in fields:
        if v is None:
            continue
        if isinstance(v, bool):
            lines.append(f"{k}: {'true' if v else 'false'}")
        elif isinstance(v, list):
            if not v:
                continue
            if all(isinstance(x, str) and flow_ok(x) for x in v) and k == "tags":
                lines.append(f"{k}: {flow_list(v)}")
            else:
                lines.append(f"{k}:")
                for x in v:
                    if isinstance(x, dict):
                        first = True
                        for kk, vv in x.items():
                            if vv is None:
                                continue
                            lines.append(f"  {'- ' if first else '  '}{kk}: {ys(vv)}")
                            first = False
                    else:
                        lines.append(f"  - {ys(x)}")
        elif isinstance(v, dt.date):
            lines.append(f"{k}: {v.isoformat()}")
        else:
            lines.append(f"{k}: {ys(v)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def write_site(w):
    w.text("site.yaml", f"""\
title: Nông thôn mới Hà Tĩnh
organization: Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh Hà Tĩnh
base_url: https://ntm.hatinh.example/
description: {ys("Tiến độ xây dựng nông thôn mới của các xã tỉnh Hà Tĩnh, 2011–2026 (bộ dữ liệu mẫu: số liệu minh họa, trừ các sự kiện lấy từ báo chí nêu ở trang Giới thiệu).")}
language: vi
data_license: CC BY 4.0
# Thông tin liên hệ là minh họa (tên miền .example không có thật).
contact:
  email: vanphong@ntm.hatinh.example
  phone: "0239 3 000 000"
  address: Thành phố Hà Tĩnh, tỉnh Hà Tĩnh
""")


def write_criteria(w):
    for sid in SAMPLE_SETS:
        with open(os.path.join(SETS_DIR, f"{sid}.yaml"), encoding="utf-8") as f:
            w.text(f"criteria/{sid}.yaml", f.read())


def write_communes(w, communes, groups):
    for gid, name, kind in groups:
        w.text(f"communes/{gid}/_index.yaml", f"name: {ys(name)}\nkind: {ys(kind)}")
    for cid in sorted(communes):
        c = communes[cid]
        lines = []
        if cid == NEVER_LISTED:
            lines.append("# Thị xã Hồng Lĩnh chưa gửi số liệu của xã này về Văn phòng Điều phối tỉnh.")
        if cid == LISTED_ONCE:
            lines.append("# Chỉ có số liệu trong đợt rà soát cuối năm 2013.")
        lines += [f"name: {ys(c.name)}", "kind: xã", f'code: "{c.code}"',
                  f"population: {c.population}", f"area_km2: {c.area}",
                  f"target_year: {c.target_year}"]
        if c.sponsors:
            lines.append("sponsors:")
            lines += [f"  - {ys(s)}" for s in c.sponsors]
        if c.officers:
            lines.append("officers:")
            for o in c.officers:
                lines += [f"  - name: {ys(o['name'])}", f"    role: {ys(o['role'])}",
                          f"    agency: {ys(o['agency'])}", f"    from: {o['start']}"]
                if o["until"]:
                    lines.append(f"    until: {o['until']}")
        if c.name in sample_2026.NOT_REARRANGED:
            lines.append("class: 3")
        if c.recognitions:
            lines.append("recognitions:")
            for level, d, dec in c.recognitions:
                lines += [f"  - level: {level}", f"    date: {d}", f"    decision: {ys(dec)}"]
        w.text(f"communes/{cid}.yaml", "\n".join(lines))
        if cid in NARRATIVES:
            w.text(f"communes/{cid}.md", NARRATIVES[cid])


def district_names():
    return {slug: (name, kind) for slug, name, kind, *_ in DISTRICTS}


def write_progress(w, rng, communes, listed):
    dnames = district_names()
    notes = {
        BASELINES[0]: "Rà soát toàn tỉnh 6 tháng đầu năm 2011 (đợt đánh giá đầu tiên)",
        BASELINES[1]: "Rà soát toàn tỉnh cuối năm 2011",
        BASELINES[2]: "Rà soát toàn tỉnh 6 tháng đầu năm 2012",
        BASELINES[3]: "Rà soát toàn tỉnh cuối năm 2012",
        BASELINES[4]: "Rà soát toàn tỉnh 6 tháng đầu năm 2013",
        BASELINES[5]: "Rà soát toàn tỉnh cuối năm 2013; lần đầu có số liệu xã Thạch Môn (thành phố Hà Tĩnh)",
        YEAR_END[2014]: "Tổng kết năm 2014: tất cả các xã, kèm số mô hình sản xuất, doanh nghiệp, hợp tác xã",
        YEAR_END[2015]: "Tổng kết năm 2015: tất cả các xã, kèm số mô hình sản xuất, doanh nghiệp, hợp tác xã",
        YEAR_END[2016]: "Tổng kết năm 2016: tất cả các xã, kèm số mô hình sản xuất, doanh nghiệp, hợp tác xã",
        YEAR_END[2017]: "Tổng kết năm 2017: tất cả các xã, kèm số mô hình sản xuất, doanh nghiệp, hợp tác xã",
        REBASE: "Rà soát lại toàn bộ các xã theo Bộ tiêu chí quốc gia giai đoạn 2016–2020",
        DSTAR: "Số liệu do cán bộ phụ trách xã báo cáo sáng thứ Sáu 28/8/2015",
        D("2014-09-18"): "Từ tuần này có cán bộ biệt phái của các sở về xã",
        D("2015-01-08"): "Mỗi xã đăng ký về đích năm 2015 có một cán bộ Văn phòng Điều phối phụ trách",
        D("2015-10-08"): "Mưa lớn kéo dài, một số xã vùng núi báo cáo qua điện thoại",
        D("2016-10-13"): "Kỳ báo cáo cuối cùng theo Bộ tiêu chí quốc gia năm 2009",
        D("2017-08-03"): "Đợt biệt phái cán bộ thứ ba bắt đầu",
    }
    prev = None
    for i, d in enumerate(DATES):
        everyone = d in BASELINES or d in YEAR_END.values() or d == REBASE
        lines = []
        if not (d in WEEKLY and not everyone and rng.random() < 0.15):
            lines.append(f"date: {d}")
        if d in WEEKLY:
            start = (prev + dt.timedelta(days=1)) if prev and prev in WEEKLY else d - dt.timedelta(days=6)
            lines.append(f"period: {start}..{d}")
        if everyone or rng.random() < 0.12:
            lines.append(f"criteria_set: {set_of(i)}")
        note = notes.get(d)
        if d in WEEKLY and prev in WEEKLY and (d - prev).days > 7:
            note = "Gộp số liệu hai tuần do nghỉ Tết Nguyên đán"
        if note:
            lines.append(f"note: {ys(note)}")
        ids = listed[i]
        lines.append("communes:" if ids else "communes: {}")
        with_ind = d in YEAR_END.values()

        def entry(cid):
            c = communes[cid]
            met = sorted(met_at(c, i))
            val = "all" if len(met) == 19 and rng.random() < 0.6 else flow_list(met)
            mapping = with_ind or (d >= D("2014-01-01") and rng.random() < 0.05)
            if not mapping:
                return [f"  {cid}: {val}"]
            p, e, ent, coop = indicators_on(c, d)
            out = [f"  {cid}:", f"    met: {val}", f"    production_models: {p}",
                   f"    efficient_models: {e}"]
            if with_ind or rng.random() < 0.5:
                out += [f"    enterprises: {ent}", f"    cooperatives: {coop}"]
            return out

        if everyone:
            for gslug, _name, _kind, *_ in DISTRICTS:
                members = [cid for cid in ids if communes[cid].district == gslug]
                if not members:
                    continue
                name, kind = dnames[gslug]
                lines.append(f"  # {kind.capitalize()} {name}")
                for cid in members:
                    lines += entry(cid)
        else:
            tg = [cid for cid in ids if communes[cid].target_year == d.year]
            other = [cid for cid in ids if communes[cid].target_year != d.year]
            if tg:
                lines.append(f"  # Xã đăng ký về đích năm {d.year} (báo cáo hằng tuần)")
                for cid in tg:
                    lines += entry(cid)
            if other:
                lines.append("  # Các xã khác (báo cáo định kỳ)")
                for cid in other:
                    lines += entry(cid)
        w.text(f"progress/{d}.yaml", "\n".join(lines))
        prev = d


def state_on(c, d):
    """The state of c on date d as the spec defines it: its latest listing on or before d."""
    best = None
    for i in c.listed:
        if DATES[i] <= d:
            best = i
    return None if best is None else (set_of(best), met_at(c, best))


def write_targets(w, communes):
    def std_count(scope, d):
        n = 0
        for c in communes.values():
            if scope and not c.id.startswith(scope + "/"):
                continue
            s = state_on(c, d)
            if s and len(s[1]) == 19:
                n += 1
        return n

    dt_count = std_count("duc-tho", D("2016-09-30"))
    targets = [
        ("moi-huyen-xa-chuan-2014", [
            ("title", "Đến cuối năm 2014 mỗi huyện, thành phố có từ 1 đến 2 xã đạt 19 tiêu chí"),
            ("source", "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Văn phòng Điều phối NTM tỉnh ngày 07/9/2014"),
            ("deadline", "2014-12-31"), ("measure", "standard_per_group"), ("value", 1)]),
        ("khong-xa-duoi-7", [
            ("title", "Đến 30/6/2015 không còn xã nào đạt dưới 7 tiêu chí"),
            ("source", "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Văn phòng Điều phối NTM tỉnh ngày 07/9/2014"),
            ("deadline", "2015-06-30"), ("measure", "min_met"), ("value", 7)]),
        ("ve-dich-2015", [
            ("title", "26 xã đăng ký năm 2015 về đích"),
            ("source", "Kế hoạch của Ban Chỉ đạo Chương trình nông thôn mới tỉnh năm 2015"),
            ("deadline", "2015-12-31"), ("measure", "target_year_done")]),
        ("bien-gioi-huong-son-toi-thieu-10", [
            ("title", "Các xã vùng biên Hương Sơn đạt ít nhất 10 tiêu chí vào cuối năm 2015"),
            ("source", "Kế hoạch của huyện Hương Sơn (minh họa)"),
            ("deadline", "2015-12-31"), ("scope", "huong-son/bien-gioi"), ("measure", "min_met"),
            ("value", 10)]),
        ("duc-tho-xa-chuan-2016", [
            ("title", f"Huyện Đức Thọ có ít nhất {dt_count} xã đạt chuẩn trước 30/9/2016"),
            ("source", "Nghị quyết của Huyện ủy Đức Thọ (minh họa)"),
            ("deadline", "2016-09-30"), ("scope", "duc-tho"), ("measure", "standard_count"),
            ("value", dt_count)]),
        ("xa-chuan-2020", [
            ("title", "Đến năm 2020 có ít nhất 140 xã đạt chuẩn nông thôn mới"),
            ("source", "Mục tiêu giai đoạn 2016–2020 (minh họa)"),
            ("deadline", "2020-12-31"), ("measure", "standard_count"), ("value", 140)]),
    ]
    for slug, fields in targets:
        lines = []
        for k, v in fields:
            if k == "deadline":
                lines.append(f"{k}: {v}")
            elif isinstance(v, int):
                lines.append(f"{k}: {v}")
            else:
                lines.append(f"{k}: {ys(v)}")
        w.text(f"targets/{slug}.yaml", "\n".join(lines))


def write_models(w):
    for i, m in enumerate(MODELS):
        photos = [dict(file=f, caption=cap, credit=m["credit"]) for f, cap, _ in m["photos"]]
        fields = [("title", m["title"]), ("kind", m["kind"]), ("commune", m["commune"]),
                  ("status", m["status"]), ("registered", D(m["registered"])),
                  ("recognized", D(m["recognized"]) if m.get("recognized") else None),
                  ("cover", m["photos"][0][0]), ("photos", photos)]
        w.text(f"models/{m['slug']}/index.md", front_matter(fields, m["body"]))
        for k, (f, _cap, scene) in enumerate(m["photos"]):
            portrait = (i + k) % 5 == 3
            w.binary(f"models/{m['slug']}/{f}",
                     draw_photo(SEED + 100 * i + k, scene, portrait))


def rebase_body(communes):
    before = after = known = 0
    for c in communes.values():
        s0, s1 = state_on(c, LAST_491), state_on(c, REBASE)
        if s1 and s1[0] == "qd-1980-2016":
            known += 1
            before += len(s0[1]) == 19
            after += len(s1[1]) == 19
    return f"""\
Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020 được ban hành theo Quyết định số
1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ, thay cho bộ tiêu chí năm 2009 (Quyết định
số 491/QĐ-TTg). Bộ mới vẫn có 19 tiêu chí nhưng nhiều yêu cầu cao hơn; một số tiêu chí đổi tên
và mở rộng nội dung, như “Môi trường và an toàn thực phẩm”, “Hệ thống chính trị và tiếp cận
pháp luật”, “Quốc phòng và An ninh”.

Kỳ báo cáo ngày 20/10/2016 là đợt rà soát lại {known} xã theo bộ tiêu chí mới. Trước đợt rà
soát, {before} xã trong số này đạt đủ 19 tiêu chí theo bộ cũ; theo bộ mới, {after} xã đạt đủ 19
tiêu chí (số liệu mẫu, minh họa).

## Trang tính số liệu thế nào khi đổi bộ tiêu chí

So sánh số tiêu chí đạt theo hai bộ khác nhau là không công bằng: một xã từ 19 tiêu chí (bộ cũ)
xuống 17 tiêu chí (bộ mới) không phải vì xã đi lùi. Vì vậy ở kỳ đầu tiên xã được đánh giá theo
bộ mới, trang không tính tăng hay giảm tiêu chí mà ghi là *đánh giá lại theo bộ tiêu chí mới*.
Từ kỳ sau, tăng và giảm lại được tính bình thường, trong cùng bộ tiêu chí mới. Xem thêm trang
*Phương pháp tính*.
"""


def write_news(w, communes):
    for n in NEWS:
        body = n["body"]
        if body == "@REBASE_BODY@":
            body = rebase_body(communes)
        fields = [("title", n["title"]), ("date", D(n["date"])), ("summary", n["summary"]),
                  ("author", n["author"]), ("tags", n["tags"]), ("communes", n["communes"]),
                  ("cover", n.get("cover")), ("draft", n.get("draft"))]
        if n.get("folder"):
            w.text(f"news/{n['slug']}/index.md", front_matter(fields, body))
            w.binary(f"news/{n['slug']}/{n['cover']}", draw_photo(SEED + 999, "road_people", False))
        else:
            w.text(f"news/{n['slug']}.md", front_matter(fields, body))


def write_pages(w):
    for slug, (title, summary, body) in PAGES.items():
        w.text(f"pages/{slug}.md", front_matter([("title", title), ("summary", summary)], body))


def write_bulletins(w):
    for d, body in BULLETINS.items():
        assert D(d) in IDX, d
        w.text(f"bulletins/{d}.md", body)


LOGO_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="Nông thôn mới Hà Tĩnh">
  <title>Nông thôn mới Hà Tĩnh</title>
  <circle cx="48" cy="48" r="46" fill="#2f7d32"/>
  <circle cx="48" cy="48" r="38" fill="#f6f1d3"/>
  <path d="M18 64 Q48 50 78 64 L78 74 Q48 62 18 74 Z" fill="#7cb342"/>
  <path d="M48 70 C46 56 46 40 50 26" stroke="#c8a415" stroke-width="3" fill="none" stroke-linecap="round"/>
  <g fill="#e0b826">
    <ellipse cx="44" cy="34" rx="3.2" ry="7" transform="rotate(-28 44 34)"/>
    <ellipse cx="55" cy="36" rx="3.2" ry="7" transform="rotate(30 55 36)"/>
    <ellipse cx="43" cy="46" rx="3.2" ry="7" transform="rotate(-32 43 46)"/>
    <ellipse cx="54" cy="48" rx="3.2" ry="7" transform="rotate(32 54 48)"/>
    <ellipse cx="51" cy="24" rx="3" ry="6.5"/>
  </g>
  <text x="48" y="88" font-family="sans-serif" font-size="11" font-weight="700" fill="#f6f1d3" text-anchor="middle">NTM</text>
</svg>
"""

GUIDE_TXT = """\
HƯỚNG DẪN CẬP NHẬT SỐ LIỆU NÔNG THÔN MỚI (bản mẫu, minh họa)

1. Mỗi tuần (tính từ thứ Sáu đến thứ Năm) cán bộ phụ trách xã ghi các tiêu chí xã đạt vào cuối
   tuần, gửi Văn phòng Điều phối trước 9 giờ sáng thứ Sáu.
2. Kỳ báo cáo mang ngày thứ Năm cuối tuần, tệp progress/NĂM-THÁNG-NGÀY.yaml.
3. Ghi số thứ tự các tiêu chí đạt, ví dụ: [1, 2, 3, 4, 8, 19]. Đạt đủ thì ghi: all.
4. Khi có số mô hình sản xuất, ghi thêm production_models, efficient_models, enterprises,
   cooperatives (số nguyên không âm).
5. Ngày tháng luôn viết dạng NĂM-THÁNG-NGÀY, ví dụ 2015-08-27, không viết 27/8/2015.
6. Không sửa số liệu của các kỳ đã gửi; sai sót ghi ở kỳ sau kèm ghi chú (note).
"""


def write_static(w):
    w.text("static/logo.svg", LOGO_SVG)
    w.text("static/tai-lieu/huong-dan.txt", GUIDE_TXT)


# --------------------------------------------------------------------------------------------
# Photos: simple illustrative scenes drawn here (never downloaded)
# --------------------------------------------------------------------------------------------

SKIES = {
    "day": ((92, 150, 214), (196, 224, 244)),
    "clear": ((70, 130, 205), (178, 214, 240)),
    "morning": ((128, 170, 220), (246, 222, 190)),
    "evening": ((86, 92, 160), (247, 168, 110)),
    "overcast": ((150, 165, 180), (214, 220, 224)),
}


def lerp(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def jitter(rng, c, k=12):
    return tuple(max(0, min(255, v + rng.randint(-k, k))) for v in c)


def draw_photo(seed, scene, portrait):
    import io
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    w, h = (800, 1200) if portrait else (1200, 800)
    S = 2
    W, H = w * S, h * S
    img = Image.new("RGB", (W, H))
    dr = ImageDraw.Draw(img)
    sky = {"road_evening": "evening", "garden_before": "overcast", "vegetables": "morning",
           "cattle": "morning", "orchard": "clear"}.get(scene, rng.choice(["day", "clear", "morning"]))
    top, bottom = SKIES[sky]
    y0 = int(H * (0.36 if portrait else 0.42) + rng.uniform(-0.03, 0.03) * H)
    for y in range(y0 + 1):
        dr.line([(0, y), (W, y)], fill=lerp(top, bottom, y / max(1, y0)))
    # sun and clouds
    if sky in ("evening", "morning"):
        sx, sy, sr = rng.uniform(0.15, 0.85) * W, y0 - rng.uniform(0.05, 0.15) * H, 0.035 * W
        dr.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=(255, 236, 190))
    for _ in range(rng.randint(3, 6)):
        cx, cy = rng.uniform(0, W), rng.uniform(0.06, 0.55) * y0
        cw = rng.uniform(0.08, 0.2) * W
        col = (250, 250, 252) if sky != "overcast" else (232, 234, 238)
        if sky == "evening":
            col = (250, 206, 180)
        for _ in range(5):
            ox, oy = rng.uniform(-0.5, 0.5) * cw, rng.uniform(-0.15, 0.15) * cw
            r = rng.uniform(0.18, 0.32) * cw
            dr.ellipse([cx + ox - r * 1.4, cy + oy - r * 0.7, cx + ox + r * 1.4, cy + oy + r * 0.7], fill=col)
    # mountains (Hồng Lĩnh, Trường Sơn): two ranges, the far one paler
    for layer, (base, shade) in enumerate((((150, 172, 190), 0.10), ((92, 130, 110), 0.06))):
        pts = [(0, y0)]
        x = 0
        peak = rng.uniform(0.10, 0.22) * H * (1.0 if layer == 0 else 0.7)
        while x < W:
            x += rng.uniform(0.05, 0.14) * W
            pts.append((x, y0 - rng.uniform(0.2, 1.0) * peak))
        pts += [(W, y0), (0, y0)]
        col = lerp(base, bottom, 0.35 if layer == 0 else 0.1)
        dr.polygon(pts, fill=col)
    # ground
    ground = {"garden_before": (120, 140, 80), "field": (104, 160, 70)}.get(scene, (110, 162, 78))
    for y in range(y0, H):
        t = (y - y0) / (H - y0)
        dr.line([(0, y), (W, y)], fill=lerp(lerp(ground, bottom, 0.35), ground, t ** 0.6))
    vx = W * rng.uniform(0.42, 0.58)

    def gp(xb, t):
        """Ground point: a line from the vanishing point to x = xb on the bottom edge, at depth t."""
        return vx + (xb - vx) * t, y0 + (H - y0) * t

    def stripes(n, c1, c2, span=(-1.0, 2.0)):
        xs = [W * (span[0] + (span[1] - span[0]) * k / n) for k in range(n + 1)]
        for k in range(n):
            col = jitter(rng, c1 if k % 2 else c2, 6)
            dr.polygon([gp(xs[k], 0), gp(xs[k + 1], 0), gp(xs[k + 1], 1), gp(xs[k], 1)], fill=col)

    def tree(x, ybase, size, fruit=None):
        tw = size * 0.12
        dr.rectangle([x - tw / 2, ybase - size * 0.55, x + tw / 2, ybase], fill=(96, 70, 48))
        greens = [(46, 110, 52), (62, 132, 60), (80, 150, 70)]
        for k in range(6):
            ox, oy = rng.uniform(-0.35, 0.35) * size, rng.uniform(-0.95, -0.55) * size
            r = rng.uniform(0.22, 0.34) * size
            dr.ellipse([x + ox - r, ybase + oy - r, x + ox + r, ybase + oy + r], fill=rng.choice(greens))
        if fruit:
            for _ in range(int(6 + size / 25)):
                ox, oy = rng.uniform(-0.4, 0.4) * size, rng.uniform(-1.0, -0.5) * size
                r = max(2, size * 0.035)
                dr.ellipse([x + ox - r, ybase + oy - r, x + ox + r, ybase + oy + r], fill=fruit)

    def house(x, ybase, size, wall=None, roof=None, flag=False, wide=1.0):
        wall = wall or rng.choice([(238, 226, 190), (244, 236, 214), (226, 214, 160), (206, 222, 232),
                                   (242, 214, 188)])
        roof = roof or rng.choice([(176, 64, 48), (196, 86, 52), (150, 58, 52), (70, 100, 140)])
        bw, bh = size * wide, size * 0.62
        dr.rectangle([x - bw / 2, ybase - bh, x + bw / 2, ybase], fill=wall)
        dr.polygon([(x - bw / 2 - size * 0.08, ybase - bh), (x + bw / 2 + size * 0.08, ybase - bh),
                    (x + bw / 2 - size * 0.1, ybase - bh - size * 0.3),
                    (x - bw / 2 + size * 0.1, ybase - bh - size * 0.3)], fill=roof)
        dw = size * 0.14
        dr.rectangle([x - dw / 2, ybase - bh * 0.62, x + dw / 2, ybase], fill=(110, 74, 50))
        for side in (-1, 1):
            for k in range(max(1, int(wide))):
                wx = x + side * (bw * (0.22 + 0.2 * k))
                if abs(wx - x) < bw / 2 - size * 0.05:
                    dr.rectangle([wx - size * 0.07, ybase - bh * 0.7, wx + size * 0.07, ybase - bh * 0.4],
                                 fill=(90, 120, 140))
        if flag:
            px = x + bw / 2 + size * 0.25
            dr.rectangle([px - 2, ybase - size * 1.4, px + 2, ybase], fill=(200, 200, 200))
            dr.rectangle([px + 2, ybase - size * 1.4, px + size * 0.45, ybase - size * 1.12], fill=(218, 37, 29))
            cx, cy, r = px + size * 0.235, ybase - size * 1.26, size * 0.07
            star = [(cx + r * math.cos(math.pi / 2 + k * 2 * math.pi / 5 * 2) * (1 if k % 1 == 0 else 0.4),
                     cy - r * math.sin(math.pi / 2 + k * 2 * math.pi / 5 * 2)) for k in range(5)]
            dr.polygon(star, fill=(255, 222, 0))

    def person(x, ybase, size):
        body = rng.choice([(240, 240, 235), (60, 90, 150), (180, 60, 60), (90, 130, 90)])
        dr.rectangle([x - size * 0.12, ybase - size * 0.75, x + size * 0.12, ybase - size * 0.3], fill=body)
        dr.rectangle([x - size * 0.1, ybase - size * 0.3, x + size * 0.1, ybase], fill=(50, 50, 60))
        dr.ellipse([x - size * 0.09, ybase - size * 0.95, x + size * 0.09, ybase - size * 0.77], fill=(224, 186, 150))
        dr.polygon([(x - size * 0.24, ybase - size * 0.86), (x + size * 0.24, ybase - size * 0.86),
                    (x, ybase - size * 1.12)], fill=(236, 222, 170))

    def cow(x, ybase, size):
        col = rng.choice([(150, 92, 50), (170, 110, 62), (120, 76, 44)])
        dr.ellipse([x - size * 0.5, ybase - size * 0.62, x + size * 0.5, ybase - size * 0.22], fill=col)
        for lx in (-0.35, -0.2, 0.2, 0.35):
            dr.rectangle([x + lx * size - size * 0.04, ybase - size * 0.3, x + lx * size + size * 0.04, ybase], fill=col)
        d = rng.choice([-1, 1])
        hx = x + d * size * 0.55
        dr.ellipse([hx - size * 0.16, ybase - size * 0.72, hx + size * 0.16, ybase - size * 0.42], fill=col)

    def road(width_frac, color=(196, 196, 190)):
        lb, rb = W * 0.5 - W * width_frac / 2, W * 0.5 + W * width_frac / 2
        for k in range(30):
            t1, t2 = k / 30, (k + 1) / 30
            c = lerp(lerp(color, bottom, 0.25), color, t2)
            dr.polygon([gp(lb, t1), gp(rb, t1), gp(rb, t2), gp(lb, t2)], fill=c)
        t = 0.04
        while t < 1:
            dr.line([gp(lb, t), gp(rb, t)], fill=lerp(color, (150, 150, 146), 0.5), width=max(1, int(3 * t)))
            t *= 1.35
        return lb, rb

    def along(edges, fn, n=9, t0=0.06):
        t = t0
        for _ in range(n):
            for xb in edges:
                fn(*gp(xb, t), t)
            t *= 1.42
            if t > 1.05:
                break

    flowers = [(236, 80, 110), (250, 200, 60), (246, 246, 246), (230, 120, 40), (200, 90, 200)]
    if scene in ("road", "road_evening", "road_people", "field_road", "culture"):
        if scene == "field_road":
            stripes(26, (96, 156, 64), (124, 176, 76))
        lb, rb = road(0.34 if scene != "field_road" else 0.22)
        for xb in (lb - W * 0.06, rb + W * 0.06):
            t = 0.05
            while t < 1:
                x, y = gp(xb, t)
                for _ in range(3):
                    r = max(2, 9 * t * S)
                    ox = rng.uniform(-30, 30) * t * S
                    dr.ellipse([x + ox - r, y - r, x + ox + r, y + r], fill=rng.choice(flowers))
                t *= 1.12
        if scene != "field_road":
            along([lb - W * 0.45, rb + W * 0.45], lambda x, y, t: house(x, y, 520 * t * S / 2), n=5, t0=0.12)
        along([lb - W * 0.16, rb + W * 0.16], lambda x, y, t: tree(x, y, 420 * t * S / 2), n=8)
        if scene == "road_evening":
            def lamp(x, y, t):
                hgt = 500 * t * S / 2
                dr.rectangle([x - 2 * t * S, y - hgt, x + 2 * t * S, y], fill=(70, 70, 80))
                r = 16 * t * S
                dr.ellipse([x - r * 2, y - hgt - r * 2, x + r * 2, y - hgt + r * 2], fill=(255, 226, 150))
                dr.ellipse([x - r, y - hgt - r, x + r, y - hgt + r], fill=(255, 250, 220))
            along([lb - W * 0.03, rb + W * 0.03], lamp, n=8, t0=0.08)
        if scene in ("road_people", "road"):
            for _ in range(rng.randint(2, 5)):
                t = rng.uniform(0.25, 0.7)
                person(*gp(rng.uniform(lb + W * 0.05, rb - W * 0.05), t), 330 * t * S / 2)
        if scene == "culture":
            house(vx, y0 + (H - y0) * 0.16, 0.42 * W * 0.45, wall=(246, 214, 120),
                  roof=(180, 54, 40), flag=True, wide=1.9)
    elif scene in ("field",):
        stripes(34, (92, 152, 60), (122, 176, 76))
        along([W * -0.2, W * 1.2], lambda x, y, t: tree(x, y, 380 * t * S / 2), n=5, t0=0.1)
        for k in range(6):
            house(W * (0.1 + 0.16 * k) + rng.uniform(-20, 20), y0 + 6 * S, 70 * S)
        for _ in range(3):
            t = rng.uniform(0.3, 0.8)
            person(*gp(rng.uniform(-0.2, 1.2) * W, t), 300 * t * S / 2)
    elif scene in ("vegetables", "garden", "garden_before"):
        if scene == "garden_before":
            for _ in range(60):
                t = rng.uniform(0.05, 1.0)
                x, y = gp(rng.uniform(-1, 2) * W, t)
                r = rng.uniform(20, 70) * t * S
                dr.ellipse([x - r, y - r * 0.7, x + r, y + r * 0.3], fill=jitter(rng, (84, 120, 60), 18))
            house(W * 0.72, y0 + (H - y0) * 0.2, 300 * S, roof=(150, 58, 52))
        else:
            stripes(22, (110, 78, 52), (76, 146, 62))
            for _ in range(700):
                t = rng.uniform(0.05, 1.0) ** 0.7
                x, y = gp(rng.uniform(-1, 2) * W, t)
                r = max(1.5, 7 * t * S)
                dr.ellipse([x - r, y - r, x + r, y + r], fill=jitter(rng, (70, 150, 64), 20))
            house(W * 0.2, y0 + (H - y0) * 0.08, 240 * S)
            if scene == "garden":
                along([W * -0.1, W * 1.1], lambda x, y, t: tree(x, y, 400 * t * S / 2), n=6)
    elif scene in ("orchard", "orchard_house", "orchard_path"):
        if scene == "orchard_path":
            road(0.12, color=(190, 164, 120))
        cols = [W * (-0.6 + 0.25 * k) for k in range(12)]
        t = 0.08
        while t < 1.1:
            for xb in cols:
                if scene == "orchard_path" and abs(xb - W * 0.5) < W * 0.15:
                    continue
                tree(*gp(xb, t), 380 * t * S / 2, fruit=(240, 140, 30))
            t *= 1.35
        if scene == "orchard_house":
            house(W * 0.75, y0 + (H - y0) * 0.1, 320 * S)
    elif scene == "cattle":
        dr.rectangle([W * 0.12, y0 + (H - y0) * 0.02, W * 0.62, y0 + (H - y0) * 0.2], fill=(214, 204, 180))
        dr.polygon([(W * 0.10, y0 + (H - y0) * 0.02), (W * 0.64, y0 + (H - y0) * 0.02),
                    (W * 0.6, y0 - (H - y0) * 0.06), (W * 0.14, y0 - (H - y0) * 0.06)], fill=(120, 120, 124))
        for k in range(8):
            x = W * (0.15 + 0.06 * k)
            dr.rectangle([x, y0 + (H - y0) * 0.06, x + W * 0.03, y0 + (H - y0) * 0.2], fill=(90, 74, 60))
        for _ in range(rng.randint(6, 9)):
            t = rng.uniform(0.35, 0.95)
            cow(*gp(rng.uniform(-0.3, 1.3) * W, t), 360 * t * S / 2)
        along([W * 1.05], lambda x, y, t: tree(x, y, 420 * t * S / 2), n=5, t0=0.15)
    else:  # houses
        lb, rb = road(0.2)
        along([lb - W * 0.3, rb + W * 0.3], lambda x, y, t: house(x, y, 600 * t * S / 2), n=5, t0=0.14)
        along([lb - W * 0.08, rb + W * 0.08], lambda x, y, t: tree(x, y, 360 * t * S / 2), n=7)
    img = img.resize((w, h), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80, optimize=True, progressive=True)
    data = buf.getvalue()
    assert len(data) < 200_000, (scene, len(data))
    return data


# --------------------------------------------------------------------------------------------

def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "content"))
    rng, communes, groups, listed = simulate()
    if os.path.isdir(root):
        shutil.rmtree(root)
    os.makedirs(root)
    w = Writer(root)
    write_site(w)
    write_criteria(w)
    # 2018-2026 first: it adds the recognitions of those years to the communes' files
    met_2017 = {cid: (met_at(c, N - 1) if N - 1 in c.listed else None) for cid, c in communes.items()}
    labels = {slug: (name if kind == "huyện" else "Kỳ Anh (thị xã)" if slug == "thi-xa-ky-anh" else name)
              for slug, name, kind, *_ in DISTRICTS}
    units, into, how, kept, stale = sample_2026.extend(w, communes, met_2017, slugify, labels, ys)
    sample_2026.write_doc(os.path.join(HERE, "..", "docs", "sample-2026.md"), communes, units, into,
                          how, kept, stale)
    write_communes(w, communes, groups)
    write_progress(w, rng, communes, listed)
    write_targets(w, communes)
    write_models(w)
    write_news(w, communes)
    write_pages(w)
    write_bulletins(w)
    write_static(w)
    size = 0
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            size += os.path.getsize(os.path.join(dirpath, f))
    print(f"wrote {w.files} files ({size / 1e6:.1f} MB) into {root}: {len(groups)} groups, "
          f"{len(communes)} + {len(units)} communes, {N + len(sample_2026.DATES_C)} snapshots {DATES[0]}..{sample_2026.LAST}, {len(MODELS)} models, "
          f"{len(NEWS)} news")


if __name__ == "__main__":
    main()
