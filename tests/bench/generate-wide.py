#!/usr/bin/env python3
"""Writes a generated plan and the same values as a wide 台账 and as a long CSV file.

Usage: generate-wide.py OUTDIR [INDICATORS]

OUTDIR/plan.json holds one 2026 plan of INDICATORS (default 2 000) monthly cumulative
indicators. OUTDIR/wide.csv is the office's 台账 of their values: a title row with the
year, a header 序号, 指标名称, 单位, 2026年目标, 2025年 (the base year's whole year),
1-2月 … 1-12月, 备注 — twelve periods — and a row per indicator. OUTDIR/long.csv holds
the same values as a long file (code, period, value); OUTDIR/wide-refused.csv and
OUTDIR/long-refused.csv are the same with one more row naming no indicator, so that
an import reads and sorts every value and writes none: the preview alone.
"""
import json
import sys
import uuid

outdir = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
months = range(2, 13)  # 1-2月 is reported as one period

def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "target-ledger-bench-wide/" + "/".join(map(str, parts))))

indicators = [{
    "uuid": uid("i", i), "code": f"wide-{i}", "name": f"生成指标{i:04d}号", "unit": "亿元",
    "kind": "cumulative", "comparator": "at_least", "better": "higher", "target": 1200,
    "frequency": "monthly", "responsible_unit": f"单位 {i % 20}",
} for i in range(count)]
tasks = [{"uuid": uid("t", t), "title": f"任务 {t}", "indicators": indicators[t::10]} for t in range(10)]
plan = {"uuid": uid("p"), "code": "wide-2026", "title": "生成的2026年计划", "first_year": 2026,
        "last_year": 2026, "areas": [{"uuid": uid("a"), "title": "生成的领域", "tasks": tasks}]}
with open(f"{outdir}/plan.json", "w", encoding="utf-8") as f:
    json.dump({"format": 1, "plans": [plan]}, f, ensure_ascii=False)

def value(i, month):
    return month * 100 + i % 7

def write(name, refused):
    with open(f"{outdir}/wide{name}.csv", "w", encoding="utf-8", newline="") as wide, \
         open(f"{outdir}/long{name}.csv", "w", encoding="utf-8", newline="") as long:
        wide.write("长治市2026年生成台账" + "," * 16 + "\n")
        wide.write("序号,指标名称,单位,2026年目标,2025年," + ",".join(f"1-{m}月" for m in months) + ",备注\n")
        long.write("code,period,value\n")
        for i in range(count):
            cells = [str(value(i, 12) - 50)] + [str(value(i, m)) for m in months]
            wide.write(f"{i + 1},生成指标{i:04d}号,亿元,1200," + ",".join(cells) + ",\n")
            long.write(f"wide-{i},2025-12,{cells[0]}\n")
            for m in months:
                long.write(f"wide-{i},2026-{m:02d},{value(i, m)}\n")
        if refused:
            wide.write(f"{count + 1},没有这个指标,亿元,,1," + ",".join("" for _ in months) + ",\n")
            long.write("no-such-indicator,2025-12,1\n")

write("", False)
write("-refused", True)
