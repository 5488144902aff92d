#!/usr/bin/env python3
# generate-regions.py PLANS.json PLAN.json CITY.csv ALL.csv
# The 2026 plan of PLANS.json as a plan of its own (code bench-regions-2026,
# new identities) with Changzhi's 13 regions, cumulative targets split by
# weights; a year of figures for the city (CITY.csv) and for the city and
# every region (ALL.csv), some regions ahead, some behind.
import csv, json, random, sys, uuid

random.seed(2026)
REGIONS = [("140403", "潞州区"), ("140404", "上党区"), ("140405", "屯留区"), ("140406", "潞城区"),
           ("140423", "襄垣县"), ("140425", "平顺县"), ("140426", "黎城县"), ("140427", "壶关县"),
           ("140428", "长子县"), ("140429", "武乡县"), ("140430", "沁县"), ("140431", "沁源县")]

document = json.load(open(sys.argv[1], encoding="utf-8"))
plan = next(p for p in document["plans"] if p["first_year"] == p["last_year"] == 2026)
document["plans"] = [plan]
plan["code"] = "bench-regions-2026"
plan["title"] += "（区县测试）"


def renew(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uuid":
                node[key] = str(uuid.uuid4())
            else:
                renew(value)
    elif isinstance(node, list):
        for item in node:
            renew(item)


renew(plan)
weights = {code: random.uniform(0.5, 2.0) for code, _ in REGIONS}
plan["regions"] = [{"code": c, "name": n, "kind": "county", "weight": round(weights[c], 2)} for c, n in REGIONS]
plan["regions"].append({"code": "gxq", "name": "长治高新区", "kind": "zone"})
total_weight = sum(weights.values())
indicators = [i for a in plan["areas"] for t in a["tasks"] for i in t.get("indicators", [])]
for ind in indicators:
    if ind["kind"] == "cumulative" and ind.get("target") is not None:
        ind["region_targets"] = {c: round(ind["target"] * weights[c] / total_weight, 4) for c, _ in REGIONS}
json.dump(document, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)

pace = {c: random.choice([0.7, 0.9, 0.97, 1.0, 1.04, 1.15]) for c, _ in REGIONS + [("gxq", ""), ("", "")]}
with open(sys.argv[3], "w", newline="", encoding="utf-8") as city_file, \
     open(sys.argv[4], "w", newline="", encoding="utf-8") as all_file:
    city, every = csv.writer(city_file), csv.writer(all_file)
    city.writerow(["code", "region", "period", "value", "status", "note"])
    every.writerow(["code", "region", "period", "value", "status", "note"])
    for ind in indicators:
        if ind["frequency"] == "monthly":
            periods = [("2026-%02d" % m, m) for m in range(2, 13)]
        elif ind["frequency"] == "quarterly":
            periods = [("2026-Q%d" % q, 3 * q) for q in range(1, 5)]
        else:
            periods = [("2026", 12)]
        for region, _ in [("", "")] + REGIONS + [("gxq", "")]:
            for period, month in periods:
                if ind["kind"] == "qualitative":
                    if region:
                        continue
                    row = [ind["code"], "", period, "", "in_progress", "进展说明"]
                else:
                    split = ind.get("region_targets", {})
                    if ind.get("target") is None or (region and ind["kind"] == "cumulative" and region not in split):
                        continue
                    target = split.get(region, ind["target"])
                    if ind["kind"] == "cumulative":
                        target = target * month / 12
                    factor = pace[region] if ind["better"] != "lower" else 2 - pace[region]
                    value = target * factor * random.uniform(0.98, 1.02)
                    if ind.get("unit") == "%" and ind["kind"] == "level":
                        value = min(value, 99.5)
                    row = [ind["code"], region, period, "%.4g" % value, "", ""]
                every.writerow(row)
                if not region:
                    city.writerow(row)
