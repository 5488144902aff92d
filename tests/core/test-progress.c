/* test-progress.c: the progress engine against docs/domain.md — kinds,
 * comparators, 序时进度 pace, year-to-date periods, status, stale values,
 * the gap and its words.
 *
 * Every expectation below is worked by hand from docs/domain.md (the
 * arithmetic is in the comment of each case), not taken from the code.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ledger-progress.h"

#define EPSILON 1e-9

/* Fails the current test with a message, logs it (a test keeps only the last
 * g_test_fail_printf() text) and goes on to the next row of its table. */
#define FAIL_AND_GO_ON(...) \
  G_STMT_START { \
    g_autofree char *message_ = g_strdup_printf (__VA_ARGS__); \
    g_test_message ("FAILED: %s", message_); \
    g_test_fail_printf ("%s", message_); \
  } G_STMT_END

/* Short names for the table. */
#define CUM      LEDGER_KIND_CUMULATIVE
#define RATE     LEDGER_KIND_RATE
#define LEVEL    LEDGER_KIND_LEVEL
#define QUAL     LEDGER_KIND_QUALITATIVE
#define CMP_NONE LEDGER_COMPARATOR_NONE
#define AT_LEAST LEDGER_COMPARATOR_AT_LEAST
#define ABOUT    LEDGER_COMPARATOR_ABOUT
#define AT_MOST  LEDGER_COMPARATOR_AT_MOST
#define HIGHER   LEDGER_BETTER_HIGHER
#define LOWER    LEDGER_BETTER_LOWER
#define EITHER   LEDGER_BETTER_NONE
#define SEASONAL LEDGER_PROFILE_SEASONAL
#define CUSTOM   LEDGER_PROFILE_CUSTOM
#define YEAR_END LEDGER_PROFILE_YEAR_END
#define MILESTONE LEDGER_PROFILE_MILESTONE
#define SEPARATE LEDGER_JANUARY_SEPARATE
#define MONTHLY  LEDGER_FREQUENCY_MONTHLY
#define QUARTERLY LEDGER_FREQUENCY_QUARTERLY
#define ANNUAL   LEDGER_FREQUENCY_ANNUAL
#define S_NO_DATA     LEDGER_STATUS_NO_DATA
#define S_BEHIND      LEDGER_STATUS_BEHIND
#define S_WARNING     LEDGER_STATUS_WARNING
#define S_ON_TRACK    LEDGER_STATUS_ON_TRACK
#define S_ACHIEVED    LEDGER_STATUS_ACHIEVED
#define S_NOT_STARTED LEDGER_STATUS_NOT_STARTED
#define S_IN_PROGRESS LEDGER_STATUS_IN_PROGRESS
#define S_DONE        LEDGER_STATUS_DONE
#define S_PENDING     LEDGER_STATUS_PENDING

/* The indicators the cases use (most from the Changzhi 2026 report):
 *   jobs     新增城镇就业 4.3 万人, cumulative, at_least, monthly
 *   projects 招商引资签约项目 1000 个, cumulative, at_least, monthly
 *   firms    新入库“四上”企业 450 家, cumulative, at_least, monthly
 *   charging 新增充电设施 2000 个, cumulative, at_least, quarterly
 *   grain    粮食产量 25.5 亿斤, cumulative, at_least, annual
 *   loans    新增贷款 400 亿元, cumulative, at_least, monthly
 *   gas      非常规天然气利用量 7 亿立方米, cumulative, at_least, monthly
 *   subsid   治理采煤沉陷区 1.12 万亩, cumulative, at_least, quarterly
 *   coal     原煤产量 1.7 亿吨左右, cumulative, about, higher, monthly
 *   signing  签约金额 1000 亿元左右, cumulative, about, higher, quarterly
 *   energy   能耗增量控制在 50 万吨标准煤以内, cumulative, at_most, monthly
 *   fai      固定资产投资增长 6% 以上, rate, at_least, monthly
 *   gdp      地区生产总值增长 6% 左右, rate, about, higher, quarterly
 *   price    价格涨幅控制在 3% 以内, rate, at_most, monthly
 *   cpi      居民消费价格涨幅 2% 左右, rate, about, lower, monthly
 *   air      优良天数比例 80% 以上, level, at_least, monthly
 *   clean    新能源和清洁能源装机占比 43% 以上, level, at_least, quarterly
 *   urban    常住人口城镇化率 58% 以上, level, at_least, annual
 *   sown     粮食播种面积稳定在 300 万亩左右, level, about, higher, quarterly
 *   pm25     PM2.5 浓度控制在 30 微克/立方米以内, level, at_most, monthly
 *   reform   深化重点领域改革, qualitative, quarterly
 */
#define JOBS     CUM, AT_LEAST, HIGHER, "万人", 4.3, MONTHLY
#define PROJECTS CUM, AT_LEAST, HIGHER, "个", 1000, MONTHLY
#define FIRMS    CUM, AT_LEAST, HIGHER, "家", 450, MONTHLY
#define CHARGING CUM, AT_LEAST, HIGHER, "个", 2000, QUARTERLY
#define GRAIN    CUM, AT_LEAST, HIGHER, "亿斤", 25.5, ANNUAL
#define LOANS    CUM, AT_LEAST, HIGHER, "亿元", 400, MONTHLY
#define GAS      CUM, AT_LEAST, HIGHER, "亿立方米", 7, MONTHLY
#define SUBSID   CUM, AT_LEAST, HIGHER, "万亩", 1.12, QUARTERLY
#define COAL     CUM, ABOUT, HIGHER, "亿吨", 1.7, MONTHLY
#define SIGNING  CUM, ABOUT, HIGHER, "亿元", 1000, QUARTERLY
#define ENERGY   CUM, AT_MOST, LOWER, "万吨标准煤", 50, MONTHLY
#define FAI      RATE, AT_LEAST, HIGHER, "%", 6, MONTHLY
#define GDP      RATE, ABOUT, HIGHER, "%", 6, QUARTERLY
#define PRICE    RATE, AT_MOST, LOWER, "%", 3, MONTHLY
#define CPI      RATE, ABOUT, LOWER, "%", 2, MONTHLY
#define AIR      LEVEL, AT_LEAST, HIGHER, "%", 80, MONTHLY
#define CLEAN    LEVEL, AT_LEAST, HIGHER, "%", 43, QUARTERLY
#define URBAN    LEVEL, AT_LEAST, HIGHER, "%", 58, ANNUAL
#define SOWN     LEVEL, ABOUT, HIGHER, "万亩", 300, QUARTERLY
#define PM25     LEVEL, AT_MOST, LOWER, "微克/立方米", 30, MONTHLY
#define REFORM   QUAL, CMP_NONE, HIGHER, "", 0, QUARTERLY
/* … and for pace profiles and two-sided targets:
 *   hitech   新认定国家高新技术企业 30 家, cumulative, at_least, quarterly (custom)
 *   farm     新建高标准农田 18 万亩, cumulative, at_least, quarterly (custom or seasonal)
 *   start    签约项目当年开工率 80% 以上, level, at_least, monthly (year_end)
 *   elder    城市社区嵌入式养老设施覆盖率 70% 以上, level, at_least, quarterly (year_end)
 *   clinic   争创1个国家级临床重点专科, cumulative, at_least, quarterly (milestone)
 *   coal2    原煤产量稳定在 1.7 亿吨左右, cumulative, about, better none, monthly
 *   sown2    粮食播种面积稳定在 300 万亩左右, level, about, better none, quarterly
 *   gdp2     a growth rate 稳定在 6% 左右, rate, about, better none, quarterly */
#define HITECH   CUM, AT_LEAST, HIGHER, "家", 30, QUARTERLY
#define FARM     CUM, AT_LEAST, HIGHER, "万亩", 18, QUARTERLY
#define START    LEVEL, AT_LEAST, HIGHER, "%", 80, MONTHLY
#define ELDER    LEVEL, AT_LEAST, HIGHER, "%", 70, QUARTERLY
#define CLINIC   CUM, AT_LEAST, HIGHER, "个", 1, QUARTERLY
#define COAL2    CUM, ABOUT, EITHER, "亿吨", 1.7, MONTHLY
#define SOWN2    LEVEL, ABOUT, EITHER, "万亩", 300, QUARTERLY
#define GDP2     RATE, ABOUT, EITHER, "%", 6, QUARTERLY

/* The base year's figures of a case: the same period and the whole year
 * (NAN: the ledger has none). */
#define BASE(same, full) .has_base = TRUE, .base_same = (same), .base_full = (full)
#define DUE(expected)    .check_due = TRUE, .expected_due = (expected)

/* A number value of @period, a hand-set status of @period, or no value. */
#define NUMBER(period, number) period, number, NULL
#define STATUS(period, status) period, 0, status
#define MISSING                NULL, 0, NULL

typedef struct
{
  const char       *description;
  LedgerKind        kind;
  LedgerComparator  comparator;
  LedgerBetter      better;
  const char       *unit;
  double            target;
  LedgerFrequency   frequency;
  const char       *value_period;   /* NULL: no value */
  double            number;
  const char       *status;         /* the hand-set status of a qualitative task */
  const char       *as_of;
  LedgerStatus      expected_status;
  double            expected_pace;  /* NAN: none */
  double            expected_gap;   /* NAN: none */
  gboolean          expected_stale;
  /* Left out, a case is linear, January combined, without the base year. */
  LedgerProfile     profile;
  const char       *shares;
  int               due_month;      /* 0: 12 */
  LedgerJanuary     january;
  gboolean          has_base;
  double            base_same;
  double            base_full;
  gboolean          expected_fallback;
  gboolean          check_due;
  double            expected_due;   /* what is due, checked with check_due */
} ProgressCase;

static const ProgressCase cases[] = {
  /* ---- cumulative, at_least: expected = target × pace; achieved when value ≥ target;
   *      on track when value ≥ expected; warning when value ≥ expected × 0.9; behind otherwise.
   *      gap = (value / target − pace) × 100 */

  /* pace 6/12 = 0.5; expected 4.3 × 0.5 = 2.15; 2.15 ≤ 2.6 < 4.3 → on track;
   * gap (2.6/4.3 − 0.5) × 100 = 60.4651162790698 − 50 = +10.4651162790698 */
  { "jobs 1-6月 2.6 of 4.3 万人: ahead of pace", JOBS,
    NUMBER ("2026-06", 2.6), "2026-06", S_ON_TRACK, 0.5, 10.465116279069768, FALSE },
  /* expected 2.15; value = 2.15 exactly at pace → on track; gap (2.15/4.3 − 0.5) × 100 = 0 */
  { "jobs 1-6月 exactly at pace 2.15", JOBS,
    NUMBER ("2026-06", 2.15), "2026-06", S_ON_TRACK, 0.5, 0, FALSE },
  /* expected × 0.9 = 2.15 × 0.9 = 1.935; value = 1.935 → warning (≥);
   * gap (1.935/4.3 − 0.5) × 100 = (0.45 − 0.5) × 100 = −5 */
  { "jobs 1-6月 exactly at expected × 0.9 (1.935)", JOBS,
    NUMBER ("2026-06", 1.935), "2026-06", S_WARNING, 0.5, -5, FALSE },
  /* 1.934 < 1.935 → behind; gap (1.934/4.3 − 0.5) × 100 = 44.9767441860465 − 50 = −5.0232558139535 */
  { "jobs 1-6月 just below expected × 0.9 (1.934)", JOBS,
    NUMBER ("2026-06", 1.934), "2026-06", S_BEHIND, 0.5, -5.023255813953488, FALSE },
  /* value 4.3 ≥ target 4.3 → achieved, at any period; gap (4.3/4.3 − 0.5) × 100 = +50 */
  { "jobs 1-6月 exactly at the year's target 4.3", JOBS,
    NUMBER ("2026-06", 4.3), "2026-06", S_ACHIEVED, 0.5, 50, FALSE },
  /* pace 9/12 = 0.75; expected 1000 × 0.75 = 750; × 0.9 = 675; value 675 → warning;
   * gap (675/1000 − 0.75) × 100 = −7.5 */
  { "projects 1-9月 675 of 1000 个: exactly expected × 0.9", PROJECTS,
    NUMBER ("2026-09", 675), "2026-09", S_WARNING, 0.75, -7.5, FALSE },
  /* expected 750; value 750 → on track; gap (0.75 − 0.75) × 100 = 0 */
  { "projects 1-9月 750 of 1000 个: exactly at pace", PROJECTS,
    NUMBER ("2026-09", 750), "2026-09", S_ON_TRACK, 0.75, 0, FALSE },
  /* 1-2月: pace 2/12 = 0.1666…; expected 450 × 2/12 = 75; 80 ≥ 75 → on track;
   * gap (80/450 − 2/12) × 100 = 17.7777… − 16.6666… = +1.1111111111 */
  { "firms 1-2月 80 of 450 家: ahead", FIRMS,
    NUMBER ("2026-02", 80), "2026-02", S_ON_TRACK, 2.0 / 12, 1.1111111111111112, FALSE },
  /* expected 75; × 0.9 = 67.5 ≤ 70 < 75 → warning; gap (70/450 − 2/12) × 100 = 15.5555… − 16.6666… = −1.1111111111 */
  { "firms 1-2月 70 of 450 家: warning", FIRMS,
    NUMBER ("2026-02", 70), "2026-02", S_WARNING, 2.0 / 12, -1.1111111111111112, FALSE },
  /* 60 < 67.5 → behind; gap (60/450 − 2/12) × 100 = 13.3333… − 16.6666… = −3.3333333333 */
  { "firms 1-2月 60 of 450 家: behind", FIRMS,
    NUMBER ("2026-02", 60), "2026-02", S_BEHIND, 2.0 / 12, -3.3333333333333335, FALSE },
  /* 一季度: pace 3/12 = 0.25; expected 2000 × 0.25 = 500; value 500 → on track; gap 0 */
  { "charging 一季度 500 of 2000 个: exactly at pace", CHARGING,
    NUMBER ("2026-Q1", 500), "2026-Q1", S_ON_TRACK, 0.25, 0, FALSE },
  /* 上半年: pace 0.5; expected 1000; × 0.9 = 900; value 900 → warning; gap (0.45 − 0.5) × 100 = −5 */
  { "charging 上半年 900 个: exactly expected × 0.9", CHARGING,
    NUMBER ("2026-Q2", 900), "2026-Q2", S_WARNING, 0.5, -5, FALSE },
  /* 前三季度: pace 0.75; expected 1500; × 0.9 = 1350 > 1200 → behind; gap (0.6 − 0.75) × 100 = −15 */
  { "charging 前三季度 1200 个: behind", CHARGING,
    NUMBER ("2026-Q3", 1200), "2026-Q3", S_BEHIND, 0.75, -15, FALSE },
  /* 全年: pace 1; 2100 ≥ 2000 → achieved; gap (1.05 − 1) × 100 = +5 */
  { "charging 全年 2100 个: achieved", CHARGING,
    NUMBER ("2026-Q4", 2100), "2026-Q4", S_ACHIEVED, 1, 5, FALSE },
  /* a quarterly value as of a quarter's last month: the indicator's period as of 2026-09 is
   * 2026-Q3, so not stale; pace 0.75, expected 1500 ≤ 1600 < 2000 → on track;
   * gap (1600/2000 − 0.75) × 100 = (0.8 − 0.75) × 100 = +5 */
  { "charging 前三季度 1600 个 read as of 1-9月", CHARGING,
    NUMBER ("2026-Q3", 1600), "2026-09", S_ON_TRACK, 0.75, 5, FALSE },
  /* annual: pace 1; 25.8 ≥ 25.5 → achieved; gap (25.8/25.5 − 1) × 100 = +1.1764705882 */
  { "grain 2026 25.8 of 25.5 亿斤: achieved", GRAIN,
    NUMBER ("2026", 25.8), "2026", S_ACHIEVED, 1, 1.1764705882352942, FALSE },
  /* annual as of 1-12月 (own period 2026): expected 25.5; × 0.9 = 22.95 ≤ 25 < 25.5 → warning;
   * gap (25/25.5 − 1) × 100 = −1.9607843137 */
  { "grain 2026 25 亿斤 as of 1-12月: warning", GRAIN,
    NUMBER ("2026", 25), "2026-12", S_WARNING, 1, -1.9607843137254901, FALSE },
  /* annual as of 全年 (own period 2026): 22 < 22.95 → behind; gap (22/25.5 − 1) × 100 = −13.7254901961 */
  { "grain 2026 22 亿斤 as of 全年: behind", GRAIN,
    NUMBER ("2026", 22), "2026-Q4", S_BEHIND, 1, -13.72549019607843, FALSE },

  /* Exact boundaries with the built-in plan's own targets, where target × pace × 0.9 is a
   * plain decimal that a user types as it is. */
  /* pace 10/12; expected 400 × 10/12 = 333.333…; × 0.9 = 300 exactly; value 300 → warning;
   * gap (300/400 − 10/12) × 100 = (3/4 − 5/6) × 100 = −100/12 = −8.3333333333 */
  { "loans 1-10月 300 of 400 亿元: exactly expected × 0.9", LOANS,
    NUMBER ("2026-10", 300), "2026-10", S_WARNING, 10.0 / 12, -8.333333333333334, FALSE },
  /* pace 9/12 = 0.75; expected 7 × 0.75 = 5.25; × 0.9 = 4.725 exactly; value 4.725 → warning;
   * gap (4.725/7 − 0.75) × 100 = (0.675 − 0.75) × 100 = −7.5 */
  { "gas 1-9月 4.725 of 7 亿立方米: exactly expected × 0.9", GAS,
    NUMBER ("2026-09", 4.725), "2026-09", S_WARNING, 0.75, -7.5, FALSE },
  /* 前三季度: pace 0.75; expected 1.12 × 0.75 = 0.84 exactly; value 0.84 → on track;
   * gap (0.84/1.12 − 0.75) × 100 = (0.75 − 0.75) × 100 = 0 */
  { "subsid 前三季度 0.84 of 1.12 万亩: exactly at pace", SUBSID,
    NUMBER ("2026-Q3", 0.84), "2026-Q3", S_ON_TRACK, 0.75, 0, FALSE },

  /* ---- cumulative, about: the same against expected with a ±5 % band.
   *      (Cases stay clear of the two readings of the warning floor, expected × 0.9 or
   *      expected × 0.95 × 0.9, and of when an `about` total counts as achieved.) */

  /* pace 0.5; expected 1.7 × 0.5 = 0.85; band floor 0.85 × 0.95 = 0.8075 ≤ 0.82 → on track;
   * gap (0.82/1.7 − 0.5) × 100 = 48.2352941176 − 50 = −1.7647058824 */
  { "coal 1-6月 0.82 of 1.7 亿吨左右: within 5 %", COAL,
    NUMBER ("2026-06", 0.82), "2026-06", S_ON_TRACK, 0.5, -1.7647058823529411, FALSE },
  /* 0.78 < 0.8075, and ≥ 0.765 (0.85 × 0.9) ≥ 0.72675 (0.8075 × 0.9) → warning;
   * gap (0.78/1.7 − 0.5) × 100 = 45.8823529412 − 50 = −4.1176470588 */
  { "coal 1-6月 0.78 亿吨: warning", COAL,
    NUMBER ("2026-06", 0.78), "2026-06", S_WARNING, 0.5, -4.117647058823529, FALSE },
  /* 0.70 < 0.72675 < 0.765 → behind; gap (0.7/1.7 − 0.5) × 100 = 41.1764705882 − 50 = −8.8235294118 */
  { "coal 1-6月 0.70 亿吨: behind", COAL,
    NUMBER ("2026-06", 0.70), "2026-06", S_BEHIND, 0.5, -8.823529411764707, FALSE },
  /* 上半年: expected 1000 × 0.5 = 500; 500 × 0.95 = 475 = value → on track (edge of the band);
   * gap (0.475 − 0.5) × 100 = −2.5 */
  { "signing 上半年 475 of 1000 亿元左右: exactly 5 % under pace", SIGNING,
    NUMBER ("2026-Q2", 475), "2026-Q2", S_ON_TRACK, 0.5, -2.5, FALSE },
  /* 515 = expected × 1.03, within ±5 % → on track; gap (0.515 − 0.5) × 100 = +1.5 */
  { "signing 上半年 515 亿元: 3 % over pace", SIGNING,
    NUMBER ("2026-Q2", 515), "2026-Q2", S_ON_TRACK, 0.5, 1.5, FALSE },

  /* ---- cumulative, at_most: the same against expected, direction reversed; achieved only at
   *      year end. The warning ceiling mirrors the floor: expected × 1.1. */

  /* expected 25; 27.5 = 25 × 1.1 exactly → warning; gap (0.55 − 0.5) × 100 = +5 */
  { "energy 1-6月 27.5: exactly at the warning ceiling", ENERGY,
    NUMBER ("2026-06", 27.5), "2026-06", S_WARNING, 0.5, 5, FALSE },
  /* 27.6 > 27.5 → behind; gap (0.552 − 0.5) × 100 = +5.2 */
  { "energy 1-6月 27.6: just past the warning ceiling", ENERGY,
    NUMBER ("2026-06", 27.6), "2026-06", S_BEHIND, 0.5, 5.2, FALSE },

  /* pace 0.5; expected 50 × 0.5 = 25; value 25 ≤ 25 → on track; gap (0.5 − 0.5) × 100 = 0 */
  { "energy 1-6月 25 of ≤ 50: exactly at pace", ENERGY,
    NUMBER ("2026-06", 25), "2026-06", S_ON_TRACK, 0.5, 0, FALSE },
  /* 26 = 25 × 1.04 > 25, within 10 % → warning; gap (26/50 − 0.5) × 100 = +2 */
  { "energy 1-6月 26: over pace within the band", ENERGY,
    NUMBER ("2026-06", 26), "2026-06", S_WARNING, 0.5, 2, FALSE },
  /* 30 = 25 × 1.2 > 27.78 > 27.5 → behind; gap (0.6 − 0.5) × 100 = +10 */
  { "energy 1-6月 30: behind", ENERGY,
    NUMBER ("2026-06", 30), "2026-06", S_BEHIND, 0.5, 10, FALSE },
  /* 10 ≤ 50 but not year end → not achieved; 10 ≤ expected 25 → on track;
   * gap (0.2 − 0.5) × 100 = −30 */
  { "energy 1-6月 10: under the limit but not achieved before year end", ENERGY,
    NUMBER ("2026-06", 10), "2026-06", S_ON_TRACK, 0.5, -30, FALSE },
  /* year end: pace 1; 48 ≤ 50 → achieved; gap (0.96 − 1) × 100 = −4 */
  { "energy 1-12月 48: achieved at year end", ENERGY,
    NUMBER ("2026-12", 48), "2026-12", S_ACHIEVED, 1, -4, FALSE },
  /* year end: expected 50; 52 = 50 × 1.04 → warning; gap (1.04 − 1) × 100 = +4 */
  { "energy 1-12月 52: over the limit at year end", ENERGY,
    NUMBER ("2026-12", 52), "2026-12", S_WARNING, 1, 4, FALSE },
  /* monthly value 2026-12 as of 全年 (own period 2026-12): 50 ≤ 50 at year end → achieved; gap 0 */
  { "energy 1-12月 exactly 50 as of 全年", ENERGY,
    NUMBER ("2026-12", 50), "2026-Q4", S_ACHIEVED, 1, 0, FALSE },

  /* ---- rate and level: no pace; gap = value − target; on track on the good side or within
   *      the `about` band (0.5 point / 5 %); warning within 1 point / 10 %; behind beyond;
   *      achieved only for the final period of the year. */

  /* rate at_least: 6.2 ≥ 6 → on track (not final); gap 6.2 − 6 = +0.2 */
  { "fai 1-6月 6.2 % vs ≥ 6 %", FAI,
    NUMBER ("2026-06", 6.2), "2026-06", S_ON_TRACK, NAN, 0.2, FALSE },
  /* at the target mid-year: on track, not achieved (not the final period); gap 0 */
  { "fai 1-6月 exactly 6 %: on track mid-year", FAI,
    NUMBER ("2026-06", 6.0), "2026-06", S_ON_TRACK, NAN, 0, FALSE },
  /* at_least has no `about` band: 0.5 short ≤ 1 point → warning; gap −0.5 */
  { "fai 1-6月 5.5 %: 0.5 short of an at_least", FAI,
    NUMBER ("2026-06", 5.5), "2026-06", S_WARNING, NAN, -0.5, FALSE },
  /* exactly 1 point short: within the second band → warning; gap −1 */
  { "fai 1-6月 5.0 %: exactly 1 point short", FAI,
    NUMBER ("2026-06", 5.0), "2026-06", S_WARNING, NAN, -1, FALSE },
  /* 1.2 points short > 1 → behind; gap −1.2 */
  { "fai 1-6月 4.8 %: behind", FAI,
    NUMBER ("2026-06", 4.8), "2026-06", S_BEHIND, NAN, -1.2, FALSE },
  /* final period 1-12月, at the target → achieved; gap 0 */
  { "fai 1-12月 exactly 6 %: achieved", FAI,
    NUMBER ("2026-12", 6.0), "2026-12", S_ACHIEVED, NAN, 0, FALSE },
  /* final period but 0.6 short → still warning; gap −0.6 */
  { "fai 1-12月 5.4 %: short at year end stays warning", FAI,
    NUMBER ("2026-12", 5.4), "2026-12", S_WARNING, NAN, -0.6, FALSE },
  /* a monthly value as of a quarter: own period as of 2026-Q2 is 2026-06 → not stale;
   * 6.3 ≥ 6 → on track; gap +0.3 */
  { "fai 1-6月 6.3 % read as of 上半年", FAI,
    NUMBER ("2026-06", 6.3), "2026-Q2", S_ON_TRACK, NAN, 0.3, FALSE },

  /* rate about, higher: 6 − 5.5 = 0.5 ≤ 0.5 → on track; gap −0.5 */
  { "gdp 上半年 5.5 % vs 6 % 左右: exactly 0.5 short", GDP,
    NUMBER ("2026-Q2", 5.5), "2026-Q2", S_ON_TRACK, NAN, -0.5, FALSE },
  /* 6 − 5.0 = 1 ≤ 1 → warning; gap −1 */
  { "gdp 上半年 5.0 %: exactly 1 point short", GDP,
    NUMBER ("2026-Q2", 5.0), "2026-Q2", S_WARNING, NAN, -1, FALSE },
  /* 6 − 4.99 = 1.01 > 1 → behind; gap −1.01 */
  { "gdp 上半年 4.99 %: 1.01 short", GDP,
    NUMBER ("2026-Q2", 4.99), "2026-Q2", S_BEHIND, NAN, -1.01, FALSE },
  /* 7.5 is on the good (higher) side → on track; gap +1.5 */
  { "gdp 上半年 7.5 %: well above, the good side", GDP,
    NUMBER ("2026-Q2", 7.5), "2026-Q2", S_ON_TRACK, NAN, 1.5, FALSE },
  /* 全年 is the final period; at the target → achieved; gap 0 */
  { "gdp 全年 6.0 %: achieved", GDP,
    NUMBER ("2026-Q4", 6.0), "2026-Q4", S_ACHIEVED, NAN, 0, FALSE },
  /* a quarterly value as of 1-12月: own period 2026-Q4, final; 6.1 ≥ 6 → achieved; gap +0.1 */
  { "gdp 全年 6.1 % read as of 1-12月", GDP,
    NUMBER ("2026-Q4", 6.1), "2026-12", S_ACHIEVED, NAN, 0.1, FALSE },
  /* a quarterly value as of a month: own period as of 2026-10 is 2026-Q3 → not stale;
   * 0.2 short ≤ 0.5 → on track; gap 5.8 − 6 = −0.2 */
  { "gdp 前三季度 5.8 % read as of 1-10月", GDP,
    NUMBER ("2026-Q3", 5.8), "2026-10", S_ON_TRACK, NAN, -0.2, FALSE },

  /* rate at_most (lower is better, no about band): 2.5 ≤ 3 → on track; gap −0.5 */
  { "price 1-6月 2.5 % vs ≤ 3 %", PRICE,
    NUMBER ("2026-06", 2.5), "2026-06", S_ON_TRACK, NAN, -0.5, FALSE },
  /* 0.6 over ≤ 1 → warning; gap +0.6 */
  { "price 1-6月 3.6 %: 0.6 over", PRICE,
    NUMBER ("2026-06", 3.6), "2026-06", S_WARNING, NAN, 0.6, FALSE },
  /* 1.2 over > 1 → behind; gap +1.2 */
  { "price 1-6月 4.2 %: 1.2 over", PRICE,
    NUMBER ("2026-06", 4.2), "2026-06", S_BEHIND, NAN, 1.2, FALSE },
  /* final period, at the limit → achieved; gap 0 */
  { "price 1-12月 exactly 3 %: achieved", PRICE,
    NUMBER ("2026-12", 3.0), "2026-12", S_ACHIEVED, NAN, 0, FALSE },

  /* CPI "控制在2%左右": rate, about, lower better. 2.3 − 2 = 0.3 ≤ 0.5 → on track; gap +0.3 */
  { "cpi 1-6月 2.3 % vs 2 % 左右 (lower better)", CPI,
    NUMBER ("2026-06", 2.3), "2026-06", S_ON_TRACK, NAN, 0.3, FALSE },
  /* 0.8 over: > 0.5, ≤ 1 → warning; gap +0.8 */
  { "cpi 1-6月 2.8 %: warning", CPI,
    NUMBER ("2026-06", 2.8), "2026-06", S_WARNING, NAN, 0.8, FALSE },
  /* 1.2 over > 1 → behind; gap +1.2 */
  { "cpi 1-6月 3.2 %: behind", CPI,
    NUMBER ("2026-06", 3.2), "2026-06", S_BEHIND, NAN, 1.2, FALSE },
  /* 1.0 is on the good (lower) side → on track however far; gap −1 */
  { "cpi 1-6月 1.0 %: lower is the good side", CPI,
    NUMBER ("2026-06", 1.0), "2026-06", S_ON_TRACK, NAN, -1, FALSE },
  /* exactly 0.5 over → on track; gap +0.5 */
  { "cpi 1-6月 2.5 %: exactly 0.5 over", CPI,
    NUMBER ("2026-06", 2.5), "2026-06", S_ON_TRACK, NAN, 0.5, FALSE },
  /* exactly 1 over → warning; gap +1 */
  { "cpi 1-6月 3.0 %: exactly 1 point over", CPI,
    NUMBER ("2026-06", 3.0), "2026-06", S_WARNING, NAN, 1, FALSE },

  /* level at_least, percent: 0.8 short ≤ 1 → warning; gap 79.2 − 80 = −0.8 */
  { "air 1-6月 79.2 % vs ≥ 80 %", AIR,
    NUMBER ("2026-06", 79.2), "2026-06", S_WARNING, NAN, -0.8, FALSE },
  /* 1.5 short > 1 → behind; gap −1.5 */
  { "air 1-6月 78.5 %: behind", AIR,
    NUMBER ("2026-06", 78.5), "2026-06", S_BEHIND, NAN, -1.5, FALSE },
  /* final period, at the target → achieved; gap 0 */
  { "air 1-12月 exactly 80 %: achieved", AIR,
    NUMBER ("2026-12", 80), "2026-12", S_ACHIEVED, NAN, 0, FALSE },
  /* quarterly level at the target mid-year → on track (not final); gap 0 */
  { "clean 上半年 exactly 43 %: on track", CLEAN,
    NUMBER ("2026-Q2", 43), "2026-Q2", S_ON_TRACK, NAN, 0, FALSE },
  /* 全年 final; 43.5 ≥ 43 → achieved; gap +0.5 */
  { "clean 全年 43.5 %: achieved", CLEAN,
    NUMBER ("2026-Q4", 43.5), "2026-Q4", S_ACHIEVED, NAN, 0.5, FALSE },
  /* annual level: the year is the final period; 58 ≥ 58 → achieved; gap 0 */
  { "urban 2026 exactly 58 %: achieved", URBAN,
    NUMBER ("2026", 58), "2026", S_ACHIEVED, NAN, 0, FALSE },

  /* level about, non-percent: bands are 5 % (15 万亩) and 10 % (30 万亩) of 300.
   * 300 − 285 = 15 = 5 % → on track; gap −15 */
  { "sown 上半年 285 of 300 万亩左右: exactly 5 % short", SOWN,
    NUMBER ("2026-Q2", 285), "2026-Q2", S_ON_TRACK, NAN, -15, FALSE },
  /* 300 − 270 = 30 = 10 % → warning; gap −30 */
  { "sown 上半年 270 万亩: exactly 10 % short", SOWN,
    NUMBER ("2026-Q2", 270), "2026-Q2", S_WARNING, NAN, -30, FALSE },
  /* 31 = 10.33 % > 10 % → behind; gap −31 */
  { "sown 上半年 269 万亩: beyond 10 %", SOWN,
    NUMBER ("2026-Q2", 269), "2026-Q2", S_BEHIND, NAN, -31, FALSE },
  /* 330 is on the good (higher) side → on track; gap +30 */
  { "sown 上半年 330 万亩: the good side", SOWN,
    NUMBER ("2026-Q2", 330), "2026-Q2", S_ON_TRACK, NAN, 30, FALSE },

  /* PM2.5 level at_most 30 微克/立方米, bands 5 % = 1.5 and 10 % = 3 (at_most: no about band).
   * 31: 1 over = 3.3 % ≤ 10 % → warning; gap +1 */
  { "pm25 1-6月 31 vs ≤ 30 微克/立方米", PM25,
    NUMBER ("2026-06", 31), "2026-06", S_WARNING, NAN, 1, FALSE },
  /* 34: 4 over = 13.3 % > 10 % → behind; gap +4 */
  { "pm25 1-6月 34: behind", PM25,
    NUMBER ("2026-06", 34), "2026-06", S_BEHIND, NAN, 4, FALSE },
  /* 28 ≤ 30 → on track (not final); gap −2 */
  { "pm25 1-6月 28: under the limit", PM25,
    NUMBER ("2026-06", 28), "2026-06", S_ON_TRACK, NAN, -2, FALSE },
  /* 33: 3 over = exactly 10 % → warning; gap +3 */
  { "pm25 1-6月 33: exactly 10 % over", PM25,
    NUMBER ("2026-06", 33), "2026-06", S_WARNING, NAN, 3, FALSE },
  /* final period, 29 ≤ 30 → achieved; gap −1 */
  { "pm25 1-12月 29: achieved", PM25,
    NUMBER ("2026-12", 29), "2026-12", S_ACHIEVED, NAN, -1, FALSE },

  /* ---- qualitative: the hand-set status; no pace, no gap */
  { "reform 上半年 not started", REFORM,
    STATUS ("2026-Q2", "not_started"), "2026-Q2", S_NOT_STARTED, NAN, NAN, FALSE },
  { "reform 上半年 in progress", REFORM,
    STATUS ("2026-Q2", "in_progress"), "2026-Q2", S_IN_PROGRESS, NAN, NAN, FALSE },
  { "reform 上半年 done", REFORM,
    STATUS ("2026-Q2", "done"), "2026-Q2", S_DONE, NAN, NAN, FALSE },
  { "reform 上半年 behind", REFORM,
    STATUS ("2026-Q2", "behind"), "2026-Q2", S_BEHIND, NAN, NAN, FALSE },
  /* own period as of 2026-07 is 2026-Q2: the 上半年 status is current */
  { "reform 上半年 done, read as of 1-7月", REFORM,
    STATUS ("2026-Q2", "done"), "2026-07", S_DONE, NAN, NAN, FALSE },
  /* own period as of 2026-Q2 is 2026-Q2; a 一季度 status is from an earlier period → no data, stale */
  { "reform 一季度 status as of 上半年: stale", REFORM,
    STATUS ("2026-Q1", "in_progress"), "2026-Q2", S_NO_DATA, NAN, NAN, TRUE },

  /* ---- no data: stale and missing values */

  /* own period as of 2026-07 is 2026-07; a 2026-05 value is stale → no data; pace and gap from the
   * value's own period: pace 5/12 = 0.4166…; gap (2.0/4.3 − 5/12) × 100 = 46.5116279070 − 41.6666666667
   * = +4.8449612403 */
  { "jobs 1-5月 value as of 1-7月: stale", JOBS,
    NUMBER ("2026-05", 2.0), "2026-07", S_NO_DATA, 5.0 / 12, 4.844961240310077, TRUE },
  /* no value at all → no data, not stale, no pace, no gap */
  { "jobs no value as of 1-7月: missing", JOBS,
    MISSING, "2026-07", S_NO_DATA, NAN, NAN, FALSE },
  /* own period as of 2026-Q3 is 2026-Q3; a 一季度 rate is stale; gap 5.2 − 6 = −0.8 */
  { "gdp 一季度 value as of 前三季度: stale", GDP,
    NUMBER ("2026-Q1", 5.2), "2026-Q3", S_NO_DATA, NAN, -0.8, TRUE },
  { "gdp no value as of 前三季度: missing", GDP,
    MISSING, "2026-Q3", S_NO_DATA, NAN, NAN, FALSE },
  /* own period as of 2026-06 is 2026-06; a 1-5月 level is stale; gap 31 − 30 = +1 */
  { "pm25 1-5月 value as of 1-6月: stale", PM25,
    NUMBER ("2026-05", 31), "2026-06", S_NO_DATA, NAN, 1, TRUE },
  /* as of 2026-01 a monthly indicator has no period yet; no value → no data */
  { "jobs no value as of 1月: missing", JOBS,
    MISSING, "2026-01", S_NO_DATA, NAN, NAN, FALSE },

  /* ==== pace profiles ==================================================================== */

  /* ---- seasonal: due = target × (base same period ÷ base full year); linear, and said so,
   *      where the base year lacks either. A rate is judged against its target whatever the
   *      profile. */

  /* PM2.5 in January, against last year's: share 60 / 36 = 1.6666…; due 30 × 60/36 = 50;
   * 48 ≤ 50 → on track; gap 48 − 30 = +18 */
  { "pm25 seasonal 1月 48 with 上年同期 60, 全年 36", PM25,
    NUMBER ("2026-01", 48), "2026-01", S_ON_TRACK, NAN, 18, FALSE,
    .profile = SEASONAL, .january = SEPARATE, BASE (60, 36), DUE (50) },
  /* 52: 2 over the due 50 = 6.7 % of 30 ≤ 10 % → warning; gap +22 */
  { "pm25 seasonal 1月 52: warning against the season", PM25,
    NUMBER ("2026-01", 52), "2026-01", S_WARNING, NAN, 22, FALSE,
    .profile = SEASONAL, .january = SEPARATE, BASE (60, 36), DUE (50) },
  /* linear: due 30; 48 is 18 over = 60 % > 10 % → behind: the red every winter */
  { "pm25 linear 1月 48: red every winter", PM25,
    NUMBER ("2026-01", 48), "2026-01", S_BEHIND, NAN, 18, FALSE,
    .january = SEPARATE, DUE (30) },
  /* seasonal without the base year: linear, due 30 → behind, fallback said */
  { "pm25 seasonal 1月 48 without the base year", PM25,
    NUMBER ("2026-01", 48), "2026-01", S_BEHIND, NAN, 18, FALSE,
    .profile = SEASONAL, .january = SEPARATE, .expected_fallback = TRUE, DUE (30) },
  /* only the same period of the base year, not its whole year: the same fallback */
  { "pm25 seasonal 1月 48 with 上年同期 only", PM25,
    NUMBER ("2026-01", 48), "2026-01", S_BEHIND, NAN, 18, FALSE,
    .profile = SEASONAL, .january = SEPARATE, BASE (60, NAN), .expected_fallback = TRUE, DUE (30) },
  /* 优良天数 1-2月 71 %: due 80 × 72/82 = 70.2439…; 71 ≥ it → on track; gap 71 − 80 = −9 */
  { "air seasonal 1-2月 71 % with 上年同期 72, 全年 82", AIR,
    NUMBER ("2026-02", 71), "2026-02", S_ON_TRACK, NAN, -9, FALSE,
    .profile = SEASONAL, BASE (72, 82), DUE (80.0 * 72 / 82) },
  /* 高标准农田 前三季度 6 万亩, last year 5 of 16 by then: pace 5/16 = 0.3125; due 18 × 0.3125 =
   * 5.625 ≤ 6 → on track; gap (6/18 − 0.3125) × 100 = 33.3333… − 31.25 = +2.0833… */
  { "farm seasonal 前三季度 6 of 18 with 上年同期 5, 全年 16", FARM,
    NUMBER ("2026-Q3", 6), "2026-Q3", S_ON_TRACK, 0.3125, 2.0833333333333335, FALSE,
    .profile = SEASONAL, BASE (5, 16), DUE (5.625) },
  /* without the base year: pace 0.75, due 13.5, × 0.9 = 12.15 > 6 → behind;
   * gap (0.3333… − 0.75) × 100 = −41.6666…; fallback said */
  { "farm seasonal 前三季度 6 without the base year", FARM,
    NUMBER ("2026-Q3", 6), "2026-Q3", S_BEHIND, 0.75, -41.666666666666664, FALSE,
    .profile = SEASONAL, .expected_fallback = TRUE, DUE (13.5) },
  /* a rate is judged against its target: 6 − 5.8 = 0.2 ≤ 0.5 → on track; no fallback */
  { "gdp seasonal 上半年 5.8 %: a rate keeps its target", GDP,
    NUMBER ("2026-Q2", 5.8), "2026-Q2", S_ON_TRACK, NAN, -0.2, FALSE,
    .profile = SEASONAL, BASE (500, 2400), DUE (6) },

  /* ---- custom: the office's shares by month, in a straight line between the points it gave,
   *      from 0 before January to all of it by December */

  /* 高新技术企业 "6:5,9:30": 5 % due by 上半年 = 1.5 家; 2 ≥ 1.5 → on track (the office's case);
   * gap (2/30 − 0.05) × 100 = 6.6666… − 5 = +1.6666… */
  { "hitech custom 上半年 2 of 30", HITECH,
    NUMBER ("2026-Q2", 2), "2026-Q2", S_ON_TRACK, 0.05, 1.6666666666666667, FALSE,
    .profile = CUSTOM, .shares = "6:5,9:30", DUE (1.5) },
  /* the same 2 paced by months: due 15, × 0.9 = 13.5 > 2 → behind;
   * gap (2/30 − 0.5) × 100 = −43.3333… */
  { "hitech linear 上半年 2 of 30", HITECH,
    NUMBER ("2026-Q2", 2), "2026-Q2", S_BEHIND, 0.5, -43.333333333333336, FALSE, DUE (15) },
  /* 一季度, halfway from (0, 0 %) to (6, 5 %): 2.5 % → due 0.75; 1 ≥ 0.75 → on track;
   * gap (1/30 − 0.025) × 100 = 3.3333… − 2.5 = +0.8333… */
  { "hitech custom 一季度 1: interpolated 2.5 %", HITECH,
    NUMBER ("2026-Q1", 1), "2026-Q1", S_ON_TRACK, 0.025, 0.8333333333333335, FALSE,
    .profile = CUSTOM, .shares = "6:5,9:30", DUE (0.75) },
  /* 前三季度 30 % → due 9; 8.1 = 9 × 0.9 → warning; gap (0.27 − 0.3) × 100 = −3 */
  { "hitech custom 前三季度 8.1: exactly due × 0.9", HITECH,
    NUMBER ("2026-Q3", 8.1), "2026-Q3", S_WARNING, 0.3, -3, FALSE,
    .profile = CUSTOM, .shares = "6:5,9:30", DUE (9) },
  /* 全年: all of it; 30 ≥ 30 → achieved; gap (1 − 1) × 100 = 0 */
  { "hitech custom 全年 30: achieved", HITECH,
    NUMBER ("2026-Q4", 30), "2026-Q4", S_ACHIEVED, 1, 0, FALSE,
    .profile = CUSTOM, .shares = "6:5,9:30", DUE (30) },
  /* 高标准农田 "6:20,9:30" 前三季度: due 18 × 0.3 = 5.4 ≤ 6 → on track (the office's case);
   * gap (0.3333… − 0.3) × 100 = +3.3333… */
  { "farm custom 前三季度 6 of 18", FARM,
    NUMBER ("2026-Q3", 6), "2026-Q3", S_ON_TRACK, 0.3, 3.333333333333333, FALSE,
    .profile = CUSTOM, .shares = "6:20,9:30", DUE (5.4) },
  /* 新增贷款 "6:40,9:60" 1-10月: a third of the way from 60 % to 100 % = 73.3333… %; due
   * 293.3333…, × 0.9 = 264 ≤ 280 → warning; gap (0.7 − 0.7333…) × 100 = −3.3333… */
  { "loans custom 1-10月 280: between the last point and December", LOANS,
    NUMBER ("2026-10", 280), "2026-10", S_WARNING, 0.7333333333333333, -3.3333333333333335, FALSE,
    .profile = CUSTOM, .shares = "6:40,9:60", DUE (400 * 0.7333333333333333) },

  /* ---- year_end: pending (未到考核期) before the final period unless achieved; the year's
   *      figure is judged as usual */

  /* 签约项目当年开工率 30 % in 1-3月: not behind but pending (the office's case); gap 30 − 80 */
  { "start year_end 1-3月 30 %: pending", START,
    NUMBER ("2026-03", 30), "2026-03", S_PENDING, NAN, -50, FALSE, .profile = YEAR_END },
  /* the same, linear: 50 points short → behind */
  { "start linear 1-3月 30 %: behind", START,
    NUMBER ("2026-03", 30), "2026-03", S_BEHIND, NAN, -50, FALSE },
  /* already there mid-year: achieved; gap +5 */
  { "start year_end 1-6月 85 %: already achieved", START,
    NUMBER ("2026-06", 85), "2026-06", S_ACHIEVED, NAN, 5, FALSE, .profile = YEAR_END },
  /* the year: 0.5 short ≤ 1 point → warning; gap −0.5 */
  { "start year_end 1-12月 79.5 %: judged at year end", START,
    NUMBER ("2026-12", 79.5), "2026-12", S_WARNING, NAN, -0.5, FALSE, .profile = YEAR_END },
  /* 养老设施覆盖率 55 % in 一季度 → pending (the office's case); gap 55 − 70 = −15 */
  { "elder year_end 一季度 55 %: pending", ELDER,
    NUMBER ("2026-Q1", 55), "2026-Q1", S_PENDING, NAN, -15, FALSE, .profile = YEAR_END },
  /* 全年 72 ≥ 70 → achieved; gap +2 */
  { "elder year_end 全年 72 %: achieved", ELDER,
    NUMBER ("2026-Q4", 72), "2026-Q4", S_ACHIEVED, NAN, 2, FALSE, .profile = YEAR_END },
  /* a total before year end: pending, no pace and no gap against it; all of it due */
  { "projects year_end 1-6月 400 of 1000: pending", PROJECTS,
    NUMBER ("2026-06", 400), "2026-06", S_PENDING, NAN, NAN, FALSE, .profile = YEAR_END, DUE (1000) },
  /* a total to keep low is never achieved before the year is out: pending */
  { "energy year_end 1-6月 10 of ≤ 50: pending", ENERGY,
    NUMBER ("2026-06", 10), "2026-06", S_PENDING, NAN, NAN, FALSE, .profile = YEAR_END },
  /* the year: pace 1, due 1000; 950 ≥ 900 → warning; gap (0.95 − 1) × 100 = −5 */
  { "projects year_end 1-12月 950: warning", PROJECTS,
    NUMBER ("2026-12", 950), "2026-12", S_WARNING, 1, -5, FALSE, .profile = YEAR_END },
  /* a rate before year end: pending; gap 4 − 6 = −2 */
  { "fai year_end 1-6月 4 %: pending", FAI,
    NUMBER ("2026-06", 4), "2026-06", S_PENDING, NAN, -2, FALSE, .profile = YEAR_END },
  /* a stale value stays no data, whatever the profile */
  { "start year_end 1-3月 value as of 1-5月: stale", START,
    NUMBER ("2026-03", 30), "2026-05", S_NO_DATA, NAN, -50, TRUE, .profile = YEAR_END },

  /* ---- milestone: pending until its month, then achieved or behind, never a warning */

  /* 国家级临床重点专科 0 of 1 in 一季度 → pending (the office's case); pace none; gap none */
  { "clinic milestone 一季度 0: pending", CLINIC,
    NUMBER ("2026-Q1", 0), "2026-Q1", S_PENDING, NAN, NAN, FALSE, .profile = MILESTONE },
  /* the same, linear: due 0.25, × 0.9 = 0.225 > 0 → behind; gap (0 − 0.25) × 100 = −25 */
  { "clinic linear 一季度 0: behind", CLINIC,
    NUMBER ("2026-Q1", 0), "2026-Q1", S_BEHIND, 0.25, -25, FALSE },
  /* won in 上半年 → achieved */
  { "clinic milestone 上半年 1: achieved", CLINIC,
    NUMBER ("2026-Q2", 1), "2026-Q2", S_ACHIEVED, NAN, NAN, FALSE, .profile = MILESTONE },
  /* 全年 without it → behind; pace 1; gap (0 − 1) × 100 = −100 */
  { "clinic milestone 全年 0: behind", CLINIC,
    NUMBER ("2026-Q4", 0), "2026-Q4", S_BEHIND, 1, -100, FALSE, .profile = MILESTONE },
  /* due by 上半年 (month 6), 0.95 of 1 there: not a warning, behind; gap (0.95 − 1) × 100 = −5 */
  { "clinic milestone due 6, 上半年 0.95: behind", CLINIC,
    NUMBER ("2026-Q2", 0.95), "2026-Q2", S_BEHIND, 1, -5, FALSE,
    .profile = MILESTONE, .due_month = 6 },
  /* a level due by 上半年, 0.5 short: behind, not warning; gap −0.5 */
  { "elder milestone due 6, 上半年 69.5 %: behind", ELDER,
    NUMBER ("2026-Q2", 69.5), "2026-Q2", S_BEHIND, NAN, -0.5, FALSE,
    .profile = MILESTONE, .due_month = 6 },
  /* … and before its month, pending; gap 60 − 70 = −10 */
  { "elder milestone due 6, 一季度 60 %: pending", ELDER,
    NUMBER ("2026-Q1", 60), "2026-Q1", S_PENDING, NAN, -10, FALSE,
    .profile = MILESTONE, .due_month = 6 },

  /* ==== two-sided `about` (better none, 稳定在…左右): off the band on either side is off ==== */

  /* 原煤 1-12月 1.9: due 1.7; band 1.615–1.785; the warning reaches 1.785 × 1.1 = 1.9635 ≥ 1.9
   * → warning, not achieved (the office's case); gap (1.9/1.7 − 1) × 100 = +11.7647… */
  { "coal2 1-12月 1.9 vs 稳定在 1.7 左右: over the band", COAL2,
    NUMBER ("2026-12", 1.9), "2026-12", S_WARNING, 1, 11.764705882352938, FALSE },
  /* one-sided (better higher) the same 1.9 is achieved */
  { "coal 1-12月 1.9 vs 1.7 左右 higher: achieved", COAL,
    NUMBER ("2026-12", 1.9), "2026-12", S_ACHIEVED, 1, 11.764705882352938, FALSE },
  /* 2.0 > 1.9635 → behind; gap (2/1.7 − 1) × 100 = +17.6470… */
  { "coal2 1-12月 2.0: far over", COAL2,
    NUMBER ("2026-12", 2.0), "2026-12", S_BEHIND, 1, 17.647058823529413, FALSE },
  /* 1.75 within 1.615–1.785 at year end → achieved; gap +2.9411… */
  { "coal2 1-12月 1.75: within the band", COAL2,
    NUMBER ("2026-12", 1.75), "2026-12", S_ACHIEVED, 1, 2.941176470588225, FALSE },
  /* 1.5 < 1.615 and ≥ 1.615 × 0.9 = 1.4535 → warning; gap −11.7647… */
  { "coal2 1-12月 1.5: under the band", COAL2,
    NUMBER ("2026-12", 1.5), "2026-12", S_WARNING, 1, -11.764705882352944, FALSE },
  /* 1-6月 0.88: due 0.85, band 0.8075–0.8925 → on track (not achieved before the year ends);
   * gap (0.88/1.7 − 0.5) × 100 = +1.7647… */
  { "coal2 1-6月 0.88: on track", COAL2,
    NUMBER ("2026-06", 0.88), "2026-06", S_ON_TRACK, 0.5, 1.7647058823529431, FALSE },
  /* 0.95 > 0.8925, ≤ 0.8925 × 1.1 = 0.98175 → warning; gap +5.8823… */
  { "coal2 1-6月 0.95: ahead of the band", COAL2,
    NUMBER ("2026-06", 0.95), "2026-06", S_WARNING, 0.5, 5.882352941176466, FALSE },
  /* a level 稳定在 300 万亩左右: 320 is 20 over = 6.7 % > 5 %, ≤ 10 % → warning; gap +20 */
  { "sown2 全年 320 vs 稳定在 300 左右: warning", SOWN2,
    NUMBER ("2026-Q4", 320), "2026-Q4", S_WARNING, NAN, 20, FALSE },
  /* 340: 13.3 % over → behind; gap +40 */
  { "sown2 全年 340: behind", SOWN2,
    NUMBER ("2026-Q4", 340), "2026-Q4", S_BEHIND, NAN, 40, FALSE },
  /* 310: 3.3 % over → on track mid-year; gap +10 */
  { "sown2 上半年 310: on track", SOWN2,
    NUMBER ("2026-Q2", 310), "2026-Q2", S_ON_TRACK, NAN, 10, FALSE },
  /* 290 at year end: 3.3 % under → achieved; gap −10 */
  { "sown2 全年 290: achieved", SOWN2,
    NUMBER ("2026-Q4", 290), "2026-Q4", S_ACHIEVED, NAN, -10, FALSE },
  /* a rate 稳定在 6% 左右: 6.8 is 0.8 over, > 0.5, ≤ 1 → warning; gap +0.8 */
  { "gdp2 上半年 6.8 %: warning", GDP2,
    NUMBER ("2026-Q2", 6.8), "2026-Q2", S_WARNING, NAN, 0.8, FALSE },
  /* 7.2: 1.2 over → behind; gap +1.2 */
  { "gdp2 上半年 7.2 %: behind", GDP2,
    NUMBER ("2026-Q2", 7.2), "2026-Q2", S_BEHIND, NAN, 1.2, FALSE },
  /* 5.6: 0.4 under → on track; gap −0.4 */
  { "gdp2 上半年 5.6 %: on track", GDP2,
    NUMBER ("2026-Q2", 5.6), "2026-Q2", S_ON_TRACK, NAN, -0.4, FALSE },

  /* ==== January: 2026-01 is a period only where January is released on its own ========== */

  /* CPI January, separate: 1.8 vs 2 左右 lower → on track; not stale; gap −0.2 */
  { "cpi separate 1月 1.8 %", CPI,
    NUMBER ("2026-01", 1.8), "2026-01", S_ON_TRACK, NAN, -0.2, FALSE, .january = SEPARATE },
  /* combined: as of 1月 the indicator has no period yet → the value is stale, no data */
  { "cpi combined 1月 1.8 %: no period yet", CPI,
    NUMBER ("2026-01", 1.8), "2026-01", S_NO_DATA, NAN, -0.2, TRUE },
  /* jobs January, separate: pace 1/12; due 4.3/12 = 0.3583…; 0.4 ≥ it → on track;
   * gap (0.4/4.3 − 1/12) × 100 = 9.3023… − 8.3333… = +0.9689… */
  { "jobs separate 1月 0.4 万人", JOBS,
    NUMBER ("2026-01", 0.4), "2026-01", S_ON_TRACK, 1.0 / 12, 0.9689922480620172, FALSE,
    .january = SEPARATE, DUE (4.3 / 12) },
  /* as of 1-2月 the January figure is stale */
  { "jobs separate 1月 value as of 1-2月: stale", JOBS,
    NUMBER ("2026-01", 0.4), "2026-02", S_NO_DATA, 1.0 / 12, 0.9689922480620172, TRUE,
    .january = SEPARATE },
};


static LedgerIndicator *
case_indicator (const ProgressCase *c)
{
  return g_object_new (LEDGER_TYPE_INDICATOR,
                       "code", "test",
                       "name", c->description,
                       "unit", c->unit,
                       "kind", (int) c->kind,
                       "comparator", (int) c->comparator,
                       "better", (int) c->better,
                       "target", (double) c->target,
                       "frequency", (int) c->frequency,
                       "profile", (int) c->profile,
                       "custom-shares", c->shares,
                       "due-month", c->due_month != 0 ? c->due_month : 12,
                       "january", (int) c->january,
                       NULL);
}

static LedgerValue *
case_value (const ProgressCase *c)
{
  if (c->value_period == NULL)
    return NULL;
  if (c->status != NULL)
    return ledger_value_new_status (1, c->value_period, c->status, NULL, NULL);
  return ledger_value_new (1, c->value_period, c->number, NULL, NULL);
}

/* Marks the case failed with a message that names it, and goes on: every
 * field of every case is checked. (The message is also logged, since a case
 * that fails more than once keeps only the last g_test_fail_printf() text.) */
static void
case_fail (const ProgressCase *c,
           const char         *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
case_fail (const ProgressCase *c,
           const char         *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: “%s” (value %s, as of %s): %s", c->description,
                  c->value_period != NULL ? c->value_period : "none", c->as_of, message);
  g_test_fail_printf ("“%s” as of %s: %s", c->description, c->as_of, message);
}

static void
check_double (const ProgressCase *c,
              const char         *field,
              double              got,
              double              expected)
{
  if (isnan (expected))
    {
      if (!isnan (got))
        case_fail (c, "%s is %.12g, docs/domain.md expects none (NAN)", field, got);
      return;
    }
  if (isnan (got))
    {
      case_fail (c, "%s is NAN, docs/domain.md expects %.12g", field, expected);
      return;
    }
  if (!(fabs (got - expected) < EPSILON))
    g_test_message ("FAILED: “%s” (value %s, as of %s): %s is %.12g, docs/domain.md expects %.12g",
                    c->description, c->value_period != NULL ? c->value_period : "none",
                    c->as_of, field, got, expected);
  /* Non-fatal (g_test_set_nonfatal_assertions): a mismatch fails the case and goes on. */
  g_assert_cmpfloat_with_epsilon (got, expected, EPSILON);
}

static void
test_evaluate (gconstpointer data)
{
  const ProgressCase *c = data;
  g_autoptr(LedgerIndicator) indicator = case_indicator (c);
  g_autoptr(LedgerValue) value = case_value (c);
  LedgerTolerances tolerances;
  LedgerProgress progress;

  g_test_set_nonfatal_assertions ();
  g_test_message ("case: %s (value %s, as of %s)", c->description,
                  c->value_period != NULL ? c->value_period : "none", c->as_of);

  ledger_tolerances_init_default (&tolerances);
  if (c->has_base)
    {
      LedgerBaseYear base = { c->base_same, c->base_full };

      progress = ledger_progress_evaluate_with_base (indicator, value, c->as_of, &base, &tolerances);
    }
  else
    progress = ledger_progress_evaluate (indicator, value, c->as_of, &tolerances);

  if (progress.status != c->expected_status)
    case_fail (c, "status is %s, docs/domain.md expects %s",
               ledger_status_to_string (progress.status),
               ledger_status_to_string (c->expected_status));
  if (!progress.stale != !c->expected_stale)
    case_fail (c, "stale is %s, docs/domain.md expects %s",
               progress.stale ? "TRUE" : "FALSE",
               c->expected_stale ? "TRUE" : "FALSE");
  check_double (c, "pace", progress.pace, c->expected_pace);
  check_double (c, "gap", progress.gap, c->expected_gap);
  if (c->check_due)
    check_double (c, "expected", progress.expected, c->expected_due);
  if (!progress.pace_fallback != !c->expected_fallback)
    case_fail (c, "pace_fallback is %s, expected %s", progress.pace_fallback ? "TRUE" : "FALSE",
               c->expected_fallback ? "TRUE" : "FALSE");
}

/* The indicator's own period as of a chosen period: the last period of its
 * frequency that has ended by then. */
static void
test_indicator_period (void)
{
  const struct {
    LedgerFrequency  frequency;
    const char      *as_of;
    const char      *expected;   /* NULL: none has ended yet */
  } periods[] = {
    { QUARTERLY, "2026-10", "2026-Q3" },  /* GDP as of 1-10月 is 前三季度 */
    { QUARTERLY, "2026-09", "2026-Q3" },
    { QUARTERLY, "2026-03", "2026-Q1" },
    { QUARTERLY, "2026-02", NULL },        /* no quarter has ended by 1-2月 */
    { QUARTERLY, "2026-Q2", "2026-Q2" },
    { QUARTERLY, "2026-12", "2026-Q4" },
    { QUARTERLY, "2026", "2026-Q4" },
    { MONTHLY, "2026-Q2", "2026-06" },     /* a monthly figure as of 上半年 is 1-6月 */
    { MONTHLY, "2026-Q4", "2026-12" },
    { MONTHLY, "2026-02", "2026-02" },     /* 1-2月, the first monthly release */
    { MONTHLY, "2026-07", "2026-07" },
    { MONTHLY, "2026-01", NULL },          /* January is released with February */
    { MONTHLY, "2026", "2026-12" },
    { ANNUAL, "2026", "2026" },
    { ANNUAL, "2026-12", "2026" },
    { ANNUAL, "2026-Q4", "2026" },
    { ANNUAL, "2026-11", NULL },
    { ANNUAL, "2026-Q3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(LedgerIndicator) indicator =
        g_object_new (LEDGER_TYPE_INDICATOR,
                      "code", "test", "name", "test", "unit", "%",
                      "kind", (int) LEDGER_KIND_RATE,
                      "comparator", (int) LEDGER_COMPARATOR_AT_LEAST,
                      "better", (int) LEDGER_BETTER_HIGHER,
                      "target", 6.0,
                      "frequency", (int) periods[i].frequency,
                      NULL);
      g_autofree char *period = ledger_progress_indicator_period (indicator, periods[i].as_of);

      if (g_strcmp0 (period, periods[i].expected) != 0)
        FAIL_AND_GO_ON ("a %s indicator as of %s: period is %s, expected %s",
                        ledger_frequency_to_string (periods[i].frequency),
                        periods[i].as_of,
                        period != NULL ? period : "NULL",
                        periods[i].expected != NULL ? periods[i].expected : "NULL");
    }
}

/* January is a period of its own only where it is released on its own. */
static void
test_indicator_period_january (void)
{
  g_autoptr(LedgerIndicator) separate = g_object_new (LEDGER_TYPE_INDICATOR, "code", "cpi", "name", "cpi",
                                                      "unit", "%", "kind", (int) RATE,
                                                      "frequency", (int) MONTHLY,
                                                      "january", (int) SEPARATE, NULL);
  g_autoptr(LedgerIndicator) quarterly = g_object_new (LEDGER_TYPE_INDICATOR, "code", "q", "name", "q",
                                                       "unit", "%", "kind", (int) RATE,
                                                       "frequency", (int) QUARTERLY,
                                                       "january", (int) SEPARATE, NULL);
  g_autofree char *january = ledger_progress_indicator_period (separate, "2026-01");
  g_autofree char *february = ledger_progress_indicator_period (separate, "2026-02");
  g_autofree char *none = ledger_progress_indicator_period (quarterly, "2026-01");
  LedgerPeriod period = { 2026, LEDGER_PERIOD_MONTH, 1 };

  g_assert_cmpstr (january, ==, "2026-01");
  g_assert_cmpstr (february, ==, "2026-02");
  g_assert_null (none);
  g_assert_true (ledger_indicator_has_period (separate, &period));
  g_assert_false (ledger_indicator_has_period (quarterly, &period));
}

/* The periods a value may be recorded for: the base year's and the
 * plan's, January alone only where it is released alone. */
static void
test_indicator_list_periods (void)
{
  const struct {
    LedgerFrequency  frequency;
    LedgerJanuary    january;
    int              first, last;
    guint            count;
    const char      *first_code, *second_code, *last_code;
  } lists[] = {
    /* 2025-01 … 2025-12, 2026-01 … 2026-12 */
    { MONTHLY, SEPARATE, 2026, 2026, 24, "2025-01", "2025-02", "2026-12" },
    /* 2025-02 … 2025-12, 2026-02 … 2026-12 */
    { MONTHLY, LEDGER_JANUARY_COMBINED, 2026, 2026, 22, "2025-02", "2025-03", "2026-12" },
    { QUARTERLY, LEDGER_JANUARY_COMBINED, 2026, 2026, 8, "2025-Q1", "2025-Q2", "2026-Q4" },
    /* 十五五: 2025 (the base year) … 2030 */
    { ANNUAL, LEDGER_JANUARY_COMBINED, 2026, 2030, 6, "2025", "2026", "2030" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(LedgerIndicator) indicator = g_object_new (LEDGER_TYPE_INDICATOR, "code", "x", "name", "x",
                                                           "frequency", (int) lists[i].frequency,
                                                           "january", (int) lists[i].january, NULL);
      g_autoptr(GPtrArray) periods = ledger_indicator_list_periods (indicator, lists[i].first,
                                                                    lists[i].last);

      g_assert_cmpuint (periods->len, ==, lists[i].count);
      g_assert_cmpstr (g_ptr_array_index (periods, 0), ==, lists[i].first_code);
      g_assert_cmpstr (g_ptr_array_index (periods, 1), ==, lists[i].second_code);
      g_assert_cmpstr (g_ptr_array_index (periods, periods->len - 1), ==, lists[i].last_code);
    }
}

/* The base year's figures and what follows from them, on worked examples. */
static void
test_base_figures (void)
{
  const struct {
    const char *description;
    ProgressCase c;
    gboolean    has_base;
    double      same, full;
    double      base_value, yoy, projection, growth_needed;
    gboolean    projection_fallback;
  } cases[] = {
    /* jobs 1-5月 2.0, last year 1.6 by May and 4.0 in all:
     *   同比 (2.0 / 1.6 − 1) × 100 = 25 %;
     *   预计全年 2.0 × 4.0 / 1.6 = 5.0 (the rest of the year as last year's rest went) */
    { "jobs with the base year", { "", JOBS, NUMBER ("2026-05", 2.0), "2026-05" },
      TRUE, 1.6, 4.0, 1.6, 25, 5.0, NAN, FALSE },
    /* no base year: 同比 none; 预计全年 2.0 × 12 / 5 = 4.8, by months, said so */
    { "jobs without the base year", { "", JOBS, NUMBER ("2026-05", 2.0), "2026-05" },
      FALSE, NAN, NAN, NAN, NAN, 4.8, NAN, TRUE },
    /* last May only: 同比 25 %, 预计全年 by months 4.8 */
    { "jobs with last May only", { "", JOBS, NUMBER ("2026-05", 2.0), "2026-05" },
      TRUE, 1.6, NAN, 1.6, 25, 4.8, NAN, TRUE },
    /* charging 上半年 900, last year 800 by then and 1800 in all:
     *   同比 (900 / 800 − 1) × 100 = 12.5 %; 预计全年 900 × 1800 / 800 = 2025 */
    { "charging 上半年", { "", CHARGING, NUMBER ("2026-Q2", 900), "2026-Q2" },
      TRUE, 800, 1800, 800, 12.5, 2025, NAN, FALSE },
    /* the year itself: 预计全年 is the figure, 12/12 */
    { "jobs 1-12月", { "", JOBS, NUMBER ("2026-12", 4.5), "2026-12" },
      FALSE, NAN, NAN, NAN, NAN, 4.5, NAN, TRUE },
    /* 固定资产投资 1-4月 +4 % on last year's 300 亿元 (of 1200 in all), for ≥ 6 %:
     *   the year needs 1200 × 1.06 = 1272; so far 300 × 1.04 = 312; left 1272 − 312 = 960
     *   on last year's rest 1200 − 300 = 900: 后续需增长 (960 / 900 − 1) × 100 = 6.6666… % */
    { "fai 1-4月 4 %", { "", FAI, NUMBER ("2026-04", 4), "2026-04" },
      TRUE, 300, 1200, 300, NAN, NAN, 6.666666666666667, FALSE },
    /* GDP 一季度 +5.5 % on 500 (of 2400), for 6 %: needs 2544, so far 527.5, left 2016.5 on
     *   1900: (2016.5 / 1900 − 1) × 100 = 6.1315789… % */
    { "gdp 一季度 5.5 %", { "", GDP, NUMBER ("2026-Q1", 5.5), "2026-Q1" },
      TRUE, 500, 2400, 500, NAN, NAN, 6.131578947368421, FALSE },
    /* a rate without the base year: nothing to reckon the rest on */
    { "gdp 一季度 without the base year", { "", GDP, NUMBER ("2026-Q1", 5.5), "2026-Q1" },
      FALSE, NAN, NAN, NAN, NAN, NAN, NAN, FALSE },
    /* the year over: no rest to grow */
    { "gdp 全年", { "", GDP, NUMBER ("2026-Q4", 5.9), "2026-Q4" },
      TRUE, 2400, 2400, 2400, NAN, NAN, NAN, FALSE },
    /* a level: the base year's figure beside it, no 同比 or projection */
    { "pm25 1-6月", { "", PM25, NUMBER ("2026-06", 31), "2026-06" },
      TRUE, 33, 35, 33, NAN, NAN, NAN, FALSE },
  };
  LedgerTolerances tolerances;

  ledger_tolerances_init_default (&tolerances);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ProgressCase c = cases[i].c;
      g_autoptr(LedgerIndicator) indicator = NULL;
      g_autoptr(LedgerValue) value = NULL;
      LedgerBaseYear base = { cases[i].same, cases[i].full };
      LedgerProgress progress;

      c.description = cases[i].description;
      indicator = case_indicator (&c);
      value = case_value (&c);
      progress = ledger_progress_evaluate_with_base (indicator, value, c.as_of,
                                                     cases[i].has_base ? &base : NULL, &tolerances);
      check_double (&c, "base_value", progress.base_value, cases[i].base_value);
      check_double (&c, "yoy", progress.yoy, cases[i].yoy);
      check_double (&c, "projection", progress.projection, cases[i].projection);
      check_double (&c, "growth_needed", progress.growth_needed, cases[i].growth_needed);
      if (!progress.projection_fallback != !cases[i].projection_fallback)
        case_fail (&c, "projection_fallback is %d", progress.projection_fallback);
    }
}

/* 预计全年 against the target, as the overview's and the report's "may
 * miss the year" lists read it: the share of the target a total's
 * projection falls short by, beyond an about target's band (5 % of it). */
static void
test_projection_shortfall (void)
{
  const struct {
    const char *description;
    ProgressCase c;
    double      shortfall;
  } cases[] = {
    /* 1-6月 1.8 of ≥ 4.3: 1.8 × 12 / 6 = 3.6, short by (4.3 − 3.6) / 4.3 = 0.16279… */
    { "jobs short", { "", JOBS, NUMBER ("2026-06", 1.8), "2026-06" }, 0.7 / 4.3 },
    /* 2.4 × 12 / 6 = 4.8 ≥ 4.3: not short */
    { "jobs on course", { "", JOBS, NUMBER ("2026-06", 2.4), "2026-06" }, 0 },
    /* 原煤 about 1.7 亿吨 (band 0.085): 0.81 × 12 / 6 = 1.62 is within 1.615 … 1.785 — not short */
    { "coal within its band", { "", COAL, NUMBER ("2026-06", 0.81), "2026-06" }, 0 },
    /* 0.75 × 2 = 1.5: short of the band's foot 1.615 by 0.115, / 1.7 */
    { "coal below its band", { "", COAL, NUMBER ("2026-06", 0.75), "2026-06" }, 0.115 / 1.7 },
    /* 稳定在1.7亿吨左右 (two-sided): 0.95 × 2 = 1.9 goes over 1.785 by 0.115, / 1.7 */
    { "coal over a two-sided band", { "", COAL2, NUMBER ("2026-06", 0.95), "2026-06" }, 0.115 / 1.7 },
    /* the same over a one-sided about target is no shortfall */
    { "coal over a one-sided band", { "", COAL, NUMBER ("2026-06", 0.95), "2026-06" }, 0 },
    /* energy ≤ 50: 30 × 12 / 6 = 60 goes over by 10, / 50 */
    { "energy over its cap", { "", ENERGY, NUMBER ("2026-06", 30), "2026-06" }, 0.2 },
    /* a rate has no projection */
    { "a rate", { "", FAI, NUMBER ("2026-06", 2), "2026-06" }, 0 },
  };
  LedgerTolerances tolerances;

  ledger_tolerances_init_default (&tolerances);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ProgressCase c = cases[i].c;
      g_autoptr(LedgerIndicator) indicator = NULL;
      g_autoptr(LedgerValue) value = NULL;
      LedgerProgress progress;

      c.description = cases[i].description;
      indicator = case_indicator (&c);
      value = case_value (&c);
      progress = ledger_progress_evaluate_with_base (indicator, value, c.as_of, NULL, &tolerances);
      check_double (&c, "projection_shortfall", progress.projection_shortfall, cases[i].shortfall);
    }
}

static LedgerIndicator *
total (LedgerFrequency  frequency,
       LedgerProfile    profile,
       const char      *shares)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, "code", "t", "name", "t", "unit", "个",
                       "kind", LEDGER_KIND_CUMULATIVE, "comparator", LEDGER_COMPARATOR_AT_LEAST,
                       "target", 1200.0, "frequency", frequency, "profile", profile,
                       "custom-shares", shares, NULL);
}

/* The line a chart draws of what a total of 1200 has due by each month. */
static void
test_due_line (void)
{
  g_autoptr(LedgerIndicator) linear = total (LEDGER_FREQUENCY_MONTHLY, LEDGER_PROFILE_LINEAR, "");
  g_autoptr(LedgerIndicator) custom = total (LEDGER_FREQUENCY_MONTHLY, LEDGER_PROFILE_CUSTOM, "3:30,6:60");
  g_autoptr(LedgerIndicator) seasonal = total (LEDGER_FREQUENCY_QUARTERLY, LEDGER_PROFILE_SEASONAL, "");
  g_autoptr(LedgerIndicator) year_end = total (LEDGER_FREQUENCY_MONTHLY, LEDGER_PROFILE_YEAR_END, "");
  g_autoptr(GListStore) base = g_list_store_new (LEDGER_TYPE_VALUE);
  const char *quarters[] = { "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4" };
  const double amounts[] = { 100, 400, 700, 800 };
  double due[13];

  /* 序时进度: 1200 × m / 12 */
  g_assert_true (ledger_progress_due_line (linear, NULL, 2026, due));
  g_assert_cmpfloat_with_epsilon (due[0], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[5], 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[12], 1200, 1e-9);
  /* 30 % by March, 60 % by June: 360, 720, and 480 in April between */
  g_assert_true (ledger_progress_due_line (custom, NULL, 2026, due));
  g_assert_cmpfloat_with_epsilon (due[3], 360, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[4], 480, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[6], 720, 1e-9);
  /* As last year went, by quarter 100 / 400 / 700 / 800 of 800: 150, 600, 1050, 1200 by the
   * quarters' ends, straight between: February 2/3 of 150 = 100, May 150 + 2/3 × 450 = 450 */
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(LedgerValue) value = ledger_value_new (1, quarters[i], amounts[i], NULL, NULL);

      g_list_store_append (base, value);
    }
  g_assert_true (ledger_progress_due_line (seasonal, G_LIST_MODEL (base), 2026, due));
  g_assert_cmpfloat_with_epsilon (due[2], 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[3], 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[5], 450, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[9], 1050, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[12], 1200, 1e-9);
  /* Without the base year: 序时进度 again */
  g_assert_true (ledger_progress_due_line (seasonal, NULL, 2026, due));
  g_assert_cmpfloat_with_epsilon (due[6], 600, 1e-9);
  /* Due whole when assessed: no line */
  g_assert_false (ledger_progress_due_line (year_end, NULL, 2026, due));
}

/* The base year's periods: the same period a year earlier, and that
 * year's whole year in the same granularity. */
static void
test_base_periods (void)
{
  const struct { const char *period, *same, *full; } periods[] = {
    { "2026-05", "2025-05", "2025-12" },
    { "2026-01", "2025-01", "2025-12" },
    { "2026-Q2", "2025-Q2", "2025-Q4" },
    { "2026", "2025", "2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *same = NULL;
      g_autofree char *full = NULL;

      g_assert_true (ledger_progress_base_periods (periods[i].period, &same, &full));
      g_assert_cmpstr (same, ==, periods[i].same);
      g_assert_cmpstr (full, ==, periods[i].full);
    }
  {
    char *same = NULL, *full = NULL;

    g_assert_false (ledger_progress_base_periods ("2026-13", &same, &full));
    g_assert_null (same);
  }
}

/* Custom shares between the office's points: a straight line from 0 before
 * January through each point to all of it in December. */
static void
test_custom_share (void)
{
  g_autoptr(LedgerIndicator) indicator = g_object_new (LEDGER_TYPE_INDICATOR, "code", "c", "name", "c",
                                                       "custom-shares", "3:30,6:60", NULL);
  g_autoptr(LedgerIndicator) none = g_object_new (LEDGER_TYPE_INDICATOR, "code", "n", "name", "n", NULL);
  const struct { int month; double share; } shares[] = {
    { 1, 0.10 },             /* a third of the way to 30 % */
    { 3, 0.30 },
    { 4, 0.40 },             /* 30 + (60 − 30) / 3 */
    { 6, 0.60 },
    { 10, 0.60 + 0.4 * 4 / 6 },  /* 60 + (100 − 60) × 4/6 = 86.666… */
    { 12, 1.0 },
  };
  int months[LEDGER_CUSTOM_SHARES_MAX];
  double points[LEDGER_CUSTOM_SHARES_MAX];
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    g_assert_cmpfloat_with_epsilon (ledger_indicator_custom_share (indicator, shares[i].month),
                                    shares[i].share, EPSILON);
  /* without points: 序时进度 */
  g_assert_cmpfloat_with_epsilon (ledger_indicator_custom_share (none, 9), 0.75, EPSILON);

  g_assert_true (ledger_custom_shares_parse ("3:30,6:60,12:100", months, points, &n, NULL));
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (ledger_custom_shares_parse ("6:60,3:30", months, points, &n, NULL));
  g_assert_false (ledger_custom_shares_parse ("3:60,6:30", months, points, &n, NULL));
  g_assert_false (ledger_custom_shares_parse ("12:90", months, points, &n, NULL));
  g_assert_false (ledger_custom_shares_parse ("3:130", months, points, &n, NULL));
  g_assert_false (ledger_custom_shares_parse ("3", months, points, &n, NULL));
  g_assert_false (ledger_custom_shares_parse ("0:10", months, points, &n, NULL));
}

/* The traffic light each status counts under in summaries (green on track,
 * yellow warning, red behind, plus finished items): a qualitative task done
 * counts as achieved, in progress as on track, not started as a warning,
 * behind as behind. */
static void
test_status_bucket (void)
{
  const struct {
    LedgerStatus status;
    LedgerStatus bucket;
  } buckets[] = {
    { LEDGER_STATUS_NO_DATA, LEDGER_STATUS_NO_DATA },
    { LEDGER_STATUS_BEHIND, LEDGER_STATUS_BEHIND },
    { LEDGER_STATUS_WARNING, LEDGER_STATUS_WARNING },
    { LEDGER_STATUS_ON_TRACK, LEDGER_STATUS_ON_TRACK },
    { LEDGER_STATUS_ACHIEVED, LEDGER_STATUS_ACHIEVED },
    { LEDGER_STATUS_NOT_STARTED, LEDGER_STATUS_WARNING },
    { LEDGER_STATUS_IN_PROGRESS, LEDGER_STATUS_ON_TRACK },
    { LEDGER_STATUS_DONE, LEDGER_STATUS_ACHIEVED },
    { LEDGER_STATUS_PENDING, LEDGER_STATUS_PENDING },   /* 未到考核期 counts as itself */
    { LEDGER_STATUS_OVERDUE, LEDGER_STATUS_OVERDUE },   /* 逾期 too */
  };

  g_assert_cmpint (G_N_ELEMENTS (buckets), ==, LEDGER_N_STATUSES);
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    {
      LedgerStatus bucket = ledger_status_bucket (buckets[i].status);

      if (bucket != buckets[i].bucket)
        FAIL_AND_GO_ON ("the bucket of %s is %s, expected %s",
                        ledger_status_to_string (buckets[i].status),
                        ledger_status_to_string (bucket),
                        ledger_status_to_string (buckets[i].bucket));
    }
}

/* The gap in words, in the C locale (English source strings). */
static void
test_gap_text (void)
{
  const struct {
    ProgressCase  c;
    const char   *expected;  /* NULL: no text */
  } texts[] = {
    /* gap +10.4651… → one decimal 10.5, ahead (超序时) */
    { { "jobs 2.6 at 1-6月", JOBS, NUMBER ("2026-06", 2.6), "2026-06" },
      "10.5 points ahead of pace" },
    /* gap −5.0232… → 5.0, behind (落后序时) */
    { { "jobs 1.934 at 1-6月", JOBS, NUMBER ("2026-06", 1.934), "2026-06" },
      "5.0 points behind pace" },
    /* gap 0 → on pace (达到序时进度) */
    { { "jobs 2.15 at 1-6月", JOBS, NUMBER ("2026-06", 2.15), "2026-06" },
      "On pace" },
    /* gap (2.151/4.3 − 0.5) × 100 = +0.0233 → 0.0 at one decimal → on pace */
    { { "jobs 2.151 at 1-6月", JOBS, NUMBER ("2026-06", 2.151), "2026-06" },
      "On pace" },
    /* a stale value still has its gap: +4.8449… → 4.8 ahead */
    { { "jobs 1-5月 2.0 as of 1-7月", JOBS, NUMBER ("2026-05", 2.0), "2026-07" },
      "4.8 points ahead of pace" },
    /* rate: 6.3 − 6 = +0.3 points */
    { { "gdp 6.3", GDP, NUMBER ("2026-Q2", 6.3), "2026-Q2" },
      "0.3 points above the target" },
    /* rate: 5.5 − 6 = −0.5 points */
    { { "gdp 5.5", GDP, NUMBER ("2026-Q2", 5.5), "2026-Q2" },
      "0.5 points below the target" },
    /* rate at the target */
    { { "gdp 6.0", GDP, NUMBER ("2026-Q2", 6.0), "2026-Q2" },
      "At the target" },
    /* level in its own unit: 31 − 30 = +1 */
    { { "pm25 31", PM25, NUMBER ("2026-06", 31), "2026-06" },
      "1 微克/立方米 above the target" },
    /* 28 − 30 = −2 */
    { { "pm25 28", PM25, NUMBER ("2026-06", 28), "2026-06" },
      "2 微克/立方米 below the target" },
    /* 285 − 300 = −15 */
    { { "sown 285", SOWN, NUMBER ("2026-Q2", 285), "2026-Q2" },
      "15 万亩 below the target" },
    /* qualitative: no gap, no text */
    { { "reform done", REFORM, STATUS ("2026-Q2", "done"), "2026-Q2" },
      NULL },
    /* no value: no gap, no text */
    { { "jobs missing", JOBS, MISSING, "2026-07" },
      NULL },
  };
  LedgerTolerances tolerances;

  ledger_tolerances_init_default (&tolerances);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const ProgressCase *c = &texts[i].c;
      g_autoptr(LedgerIndicator) indicator = case_indicator (c);
      g_autoptr(LedgerValue) value = case_value (c);
      LedgerProgress progress = ledger_progress_evaluate (indicator, value, c->as_of, &tolerances);
      g_autofree char *text = ledger_progress_dup_gap_text (indicator, &progress);

      if (g_strcmp0 (text, texts[i].expected) != 0)
        FAIL_AND_GO_ON ("gap text of “%s”: “%s”, expected “%s”", c->description,
                        text != NULL ? text : "NULL",
                        texts[i].expected != NULL ? texts[i].expected : "NULL");
    }
}

/* "jobs 1-6月 2.6 of 4.3 万人: ahead" → "01-jobs-1-6-2-6-of-4-3-ahead" */
static char *
case_path (guint               index,
           const ProgressCase *c)
{
  GString *path = g_string_new (NULL);
  gboolean dash = FALSE;

  g_string_printf (path, "/progress/evaluate/%02u-", index + 1);
  for (const char *p = c->description; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash)
            g_string_append_c (path, '-');
          g_string_append_c (path, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (path->str[path->len - 1] != '-')
        dash = TRUE;
    }
  return g_string_free (path, FALSE);
}

/* The tolerances the charts draw, in the indicator's unit: points for a
 * rate in %, shares of the target (whatever its sign) otherwise. */
static void
test_tolerance_widths (void)
{
  g_autoptr(LedgerIndicator) rate = g_object_new (LEDGER_TYPE_INDICATOR, "code", "r", "name", "r", "unit", "%",
                                                  "kind", LEDGER_KIND_RATE, "target", 6.0, NULL);
  g_autoptr(LedgerIndicator) total = g_object_new (LEDGER_TYPE_INDICATOR, "code", "t", "name", "t", "unit", "亿元",
                                                   "kind", LEDGER_KIND_CUMULATIVE, "target", -200.0, NULL);
  LedgerTolerances tolerances;
  double about, warning;

  ledger_tolerances_init_default (&tolerances);
  ledger_tolerances_widths (&tolerances, rate, &about, &warning);
  g_assert_cmpfloat (about, ==, tolerances.about_points);
  g_assert_cmpfloat (warning, ==, tolerances.warning_points);
  ledger_tolerances_widths (&tolerances, total, &about, &warning);
  g_assert_cmpfloat_with_epsilon (about, 200 * tolerances.about_share, 1e-9);
  g_assert_cmpfloat_with_epsilon (warning, 200 * tolerances.warning_share, 1e-9);
}

/* A chart judges each of its points against the base year's figures
 * among the indicator's values, as the window's row does with the
 * ledger's: PM2.5, seasonal, ≤ 30, 36 by 1-6月, 42 by 1-6月 of 35 in all
 * last year: 30 × 42 / 35 = 36 is due, on track (by months: 30, behind). */
static void
test_evaluate_among (void)
{
  g_autoptr(LedgerIndicator) pm25 = g_object_new (LEDGER_TYPE_INDICATOR, "code", "pm25", "name", "PM2.5",
                                                  "unit", "微克/立方米", "kind", (int) LEDGER_KIND_LEVEL,
                                                  "comparator", (int) LEDGER_COMPARATOR_AT_MOST,
                                                  "better", (int) LEDGER_BETTER_LOWER, "target", 30.0,
                                                  "frequency", (int) LEDGER_FREQUENCY_MONTHLY,
                                                  "profile", (int) LEDGER_PROFILE_SEASONAL, NULL);
  g_autoptr(GListStore) values = g_list_store_new (LEDGER_TYPE_VALUE);
  g_autoptr(LedgerValue) june = ledger_value_new (1, "2026-06", 36, NULL, NULL);
  g_autoptr(LedgerValue) base_june = ledger_value_new (1, "2025-06", 42, NULL, NULL);
  g_autoptr(LedgerValue) base_year = ledger_value_new (1, "2025-12", 35, NULL, NULL);
  LedgerTolerances tolerances;
  LedgerBaseYear base;

  ledger_tolerances_init_default (&tolerances);
  g_list_store_append (values, base_june);
  g_list_store_append (values, base_year);
  g_list_store_append (values, june);

  base = ledger_base_year_among (G_LIST_MODEL (values), "2026-06");
  g_assert_cmpfloat (base.same_period, ==, 42);
  g_assert_cmpfloat (base.full_year, ==, 35);
  g_assert_cmpint (ledger_progress_evaluate_among (pm25, june, G_LIST_MODEL (values), "2026-06",
                                                   &tolerances).status, ==, LEDGER_STATUS_ON_TRACK);
  g_assert_cmpint (ledger_progress_evaluate (pm25, june, "2026-06", &tolerances).status, ==,
                   LEDGER_STATUS_BEHIND);
  base = ledger_base_year_among (G_LIST_MODEL (values), "2026-05");
  g_assert_true (isnan (base.same_period));
  g_assert_cmpfloat (base.full_year, ==, 35);
}

int
main (int   argc,
      char *argv[])
{
  /* The C locale: the gap texts are the English source strings, numbers
   * are written with a point. Only the character set is UTF-8, so that the
   * log shows the cases' Chinese words rather than question marks. */
  setlocale (LC_ALL, "C");
  setlocale (LC_CTYPE, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = case_path (i, &cases[i]);

      g_test_add_data_func (path, &cases[i], test_evaluate);
    }
  g_test_add_func ("/progress/indicator-period", test_indicator_period);
  g_test_add_func ("/progress/indicator-period-january", test_indicator_period_january);
  g_test_add_func ("/progress/base-figures", test_base_figures);
  g_test_add_func ("/progress/projection-shortfall", test_projection_shortfall);
  g_test_add_func ("/progress/due-line", test_due_line);
  g_test_add_func ("/progress/evaluate-among", test_evaluate_among);
  g_test_add_func ("/progress/indicator-list-periods", test_indicator_list_periods);
  g_test_add_func ("/progress/base-periods", test_base_periods);
  g_test_add_func ("/progress/custom-share", test_custom_share);
  g_test_add_func ("/progress/status-bucket", test_status_bucket);
  g_test_add_func ("/progress/gap-text", test_gap_text);
  g_test_add_func ("/progress/tolerance-widths", test_tolerance_widths);

  return g_test_run ();
}
