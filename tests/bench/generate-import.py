#!/usr/bin/env python3
"""Writes generated plans and a CSV of their values for the import benchmark.

Usage: generate-import.py OUTDIR [ROWS]

OUTDIR/plans.json holds one plan per year (2017–2026), each with enough
monthly cumulative indicators that eleven periods (1-2月 … 1-12月) of values across all the
plans make ROWS rows (default 100 000); OUTDIR/values.csv holds those rows
with the columns plan, code, period, value, note, source.
"""
import json
import math
import sys
import uuid

outdir = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
years = list(range(2017, 2027))
months = range(2, 13)  # 1-2月 is reported as one period, 2026-02
per_plan = math.ceil(rows / (len(years) * len(months)))

def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "target-ledger-bench/" + "/".join(map(str, parts))))

plans = []
for year in years:
    indicators = [{
        "uuid": uid(year, "i", i), "code": f"bench-{i}", "name": f"生成指标 {i}", "unit": "亿元",
        "kind": "cumulative", "comparator": "at_least", "better": "higher", "target": 1200,
        "frequency": "monthly", "responsible_unit": f"单位 {i % 20}",
    } for i in range(per_plan)]
    tasks = [{"uuid": uid(year, "t", t), "title": f"任务 {t}", "indicators": indicators[t::10]}
             for t in range(10)]
    plans.append({
        "uuid": uid(year), "code": f"bench-{year}", "title": f"生成的{year}年计划",
        "first_year": year, "last_year": year,
        "areas": [{"uuid": uid(year, "a"), "title": "生成的领域", "tasks": tasks}],
    })

with open(f"{outdir}/plans.json", "w", encoding="utf-8") as f:
    json.dump({"format": 1, "plans": plans}, f, ensure_ascii=False)

written = 0
with open(f"{outdir}/values.csv", "w", encoding="utf-8", newline="") as f:
    f.write("plan,code,period,value,note,source\n")
    for year in years:
        for i in range(per_plan):
            for month in months:
                if written == rows:
                    break
                f.write(f"bench-{year},bench-{i},{year}-{month:02d},{month * 100 + i % 7},,市统计局\n")
                written += 1
