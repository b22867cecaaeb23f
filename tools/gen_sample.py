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
  department in charge of each criterion is a plausible provincial assignment.
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
# Criteria sets (real names)
# --------------------------------------------------------------------------------------------

G1, G2, G3, G4, G5 = ("Quy hoạch", "Hạ tầng kinh tế - xã hội", "Kinh tế và tổ chức sản xuất",
                      "Văn hóa - xã hội - môi trường", "Hệ thống chính trị")

SET_491 = dict(
    id="qd-491-2009",
    name="Bộ tiêu chí quốc gia về nông thôn mới (giai đoạn 2010–2015)",
    decision="Quyết định số 491/QĐ-TTg ngày 16/4/2009 của Thủ tướng Chính phủ",
    valid_from="2009-04-16", valid_until="2016-10-16",
    comment="# Sửa đổi tiêu chí 17 theo Quyết định số 342/QĐ-TTg ngày 20/02/2013; tên tiêu chí giữ nguyên.",
    criteria=[
        ("Quy hoạch và thực hiện quy hoạch", "Planning and plan implementation", G1, "Sở Xây dựng"),
        ("Giao thông", "Transport", G2, "Sở Giao thông Vận tải"),
        ("Thủy lợi", "Irrigation", G2, "Sở Nông nghiệp và PTNT"),
        ("Điện", "Electricity", G2, "Sở Công Thương"),
        ("Trường học", "Schools", G2, "Sở Giáo dục và Đào tạo"),
        ("Cơ sở vật chất văn hóa", "Cultural facilities", G2, "Sở Văn hóa, Thể thao và Du lịch"),
        ("Chợ nông thôn", "Rural market", G2, "Sở Công Thương"),
        ("Bưu điện", "Post office", G2, "Sở Thông tin và Truyền thông"),
        ("Nhà ở dân cư", "Housing", G2, "Sở Xây dựng"),
        ("Thu nhập", "Income", G3, "Cục Thống kê tỉnh"),
        ("Hộ nghèo", "Poor households", G3, "Sở Lao động - Thương binh và Xã hội"),
        ("Cơ cấu lao động", "Labour structure", G3, "Sở Lao động - Thương binh và Xã hội"),
        ("Hình thức tổ chức sản xuất", "Forms of production organisation", G3, "Sở Nông nghiệp và PTNT"),
        ("Giáo dục", "Education", G4, "Sở Giáo dục và Đào tạo"),
        ("Y tế", "Health", G4, "Sở Y tế"),
        ("Văn hóa", "Culture", G4, "Sở Văn hóa, Thể thao và Du lịch"),
        ("Môi trường", "Environment", G4, "Sở Tài nguyên và Môi trường"),
        ("Hệ thống tổ chức chính trị xã hội vững mạnh", "Strong political and social organisations", G5, "Ban Tổ chức Tỉnh ủy"),
        ("An ninh, trật tự xã hội", "Security and social order", G5, "Công an tỉnh"),
    ])

SET_1980 = dict(
    id="qd-1980-2016",
    name="Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020",
    decision="Quyết định số 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ",
    valid_from="2016-10-17", valid_until="2020-12-31",
    comment=None,
    criteria=[
        ("Quy hoạch", "Planning", G1, "Sở Xây dựng"),
        ("Giao thông", "Transport", G2, "Sở Giao thông Vận tải"),
        ("Thủy lợi", "Irrigation", G2, "Sở Nông nghiệp và PTNT"),
        ("Điện", "Electricity", G2, "Sở Công Thương"),
        ("Trường học", "Schools", G2, "Sở Giáo dục và Đào tạo"),
        ("Cơ sở vật chất văn hóa", "Cultural facilities", G2, "Sở Văn hóa, Thể thao và Du lịch"),
        ("Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure", G2, "Sở Công Thương"),
        ("Thông tin và Truyền thông", "Information and communications", G2, "Sở Thông tin và Truyền thông"),
        ("Nhà ở dân cư", "Housing", G2, "Sở Xây dựng"),
        ("Thu nhập", "Income", G3, "Cục Thống kê tỉnh"),
        ("Hộ nghèo", "Multidimensional poverty", G3, "Sở Lao động - Thương binh và Xã hội"),
        ("Lao động có việc làm", "Employed labour", G3, "Sở Lao động - Thương binh và Xã hội"),
        ("Tổ chức sản xuất", "Production organisation", G3, "Sở Nông nghiệp và PTNT"),
        ("Giáo dục và Đào tạo", "Education and training", G4, "Sở Giáo dục và Đào tạo"),
        ("Y tế", "Health", G4, "Sở Y tế"),
        ("Văn hóa", "Culture", G4, "Sở Văn hóa, Thể thao và Du lịch"),
        ("Môi trường và an toàn thực phẩm", "Environment and food safety", G4, "Sở Tài nguyên và Môi trường"),
        ("Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law", G5, "Sở Nội vụ"),
        ("Quốc phòng và An ninh", "National defence and security", G5, "Công an tỉnh"),
    ])

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
    "thi-xa-ky-anh/ky-ninh": ["Công an tỉnh", "Hội Nông dân tỉnh"],
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
