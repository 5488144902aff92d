#!/usr/bin/python3
# Reads the monthly report as a Word document (--report OUT.docx) as Word's
# own readers would, with python-docx, and checks what the office edits:
# headings in Word's heading styles, tables as Word tables whose rows match
# the counts over them, the styles' fonts, A4 after GB/T 9704, the page
# number, and that every heading is one of the PDF report's.
#
# usage: check-report-docx.py REPORT.docx REPORT-PDF.txt LANGUAGE
# Prints one TAP-like line per check; exits 1 if any failed.

import re
import sys
import zipfile

import docx
from docx.shared import Mm

path, pdf_text_path, language = sys.argv[1:4]
failures = 0


def check(name, condition):
    global failures
    print(("ok - " if condition else "not ok - ") + "docx: " + name)
    if not condition:
        failures += 1


def squeeze(text):
    return re.sub(r"\s+", "", text)


document = docx.Document(path)
paragraphs = document.paragraphs
headings = [p for p in paragraphs if p.style.name.startswith("Heading")]
level_1 = [p.text for p in headings if p.style.name == "Heading 1"]
level_2 = [p.text for p in headings if p.style.name == "Heading 2"]
words = {
    "en": {"summary": "Summary", "alerts": "Behind and on warning", "indicator": "Indicator",
           "tasks": "Qualitative tasks", "pace": "Pace"},
    "zh_CN": {"summary": "总体情况", "alerts": "滞后和预警指标", "indicator": "指标",
              "tasks": "重点任务推进情况", "pace": "序时进度"},
}[language]

check("the title is in the Title style", paragraphs[0].style.name in ("Title", "Subtitle")
      and any(p.style.name == "Title" and "长治" in p.text for p in paragraphs[:3]))
check("the summary is a first-level heading", words["summary"] in level_1)
check("the qualitative tasks are a first-level heading", words["tasks"] in level_1)
check("the lists of the summary are second-level headings", words["alerts"] in level_2)
check("each work area is a first-level heading", "主要预期目标" in level_1 and len(level_1) >= 5)
with open(pdf_text_path, encoding="utf-8") as pdf:
    pdf_text = squeeze(pdf.read())
check("every heading is one of the PDF report's", all(squeeze(h.text) in pdf_text for h in headings))
check("the summary starts a page", any(p.paragraph_format.page_break_before for p in headings[:1]))

# The tables: the figures of the summary, its lists, then one per area.
tables = document.tables
check("the report has its tables as Word tables", len(tables) >= 8)
figures = tables[0].rows[0].cells
check("the summary's figures are a table, the pace first",
      figures[0].text.endswith(words["pace"]) and "50.0%" in figures[0].text)
area_tables = [t for t in tables if t.rows[0].cells[0].text == words["indicator"] and len(t.columns) == 6]
check("an area's table has its six columns", len(area_tables) >= 5)
captions = [p.text for p in paragraphs if p.style.name == "Caption"]
counts = [int(re.match(r"\d+", c).group()) for c in captions]
check("each area's table has a row for each indicator of its caption",
      counts == [len(t.rows) - 1 for t in area_tables])
jobs = [r for t in area_tables for r in t.rows if r.cells[0].text.startswith("新增城镇就业")]
check("a figure reads as in the PDF", len(jobs) == 1 and "1.2" in jobs[0].cells[2].text
      and "27.9%" in jobs[0].cells[3].text)
xml = document.element.xml
check("a header row repeats on each page", "<w:tblHeader/>" in xml)
check("a row never splits over two pages", "<w:cantSplit/>" in xml)
body_text = "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
check("a note's & < > survive", "会议纪要 & <督办>" in body_text)

# The page and the styles.
section = document.sections[0]
check("A4", abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1))
check("GB/T 9704's margins", abs(section.top_margin - Mm(37)) < Mm(1) and abs(section.left_margin - Mm(28)) < Mm(1)
      and abs(section.bottom_margin - Mm(35)) < Mm(1) and abs(section.right_margin - Mm(26)) < Mm(1))
check("no number on the title page", section.different_first_page_header_footer)
footer = section.footer._element.xml
check("the page number is a PAGE field", "PAGE" in footer and "—" in footer)
styles = zipfile.ZipFile(path).read("word/styles.xml").decode("utf-8")
for font in ("仿宋", "黑体", "楷体"):
    check("the styles name " + font, 'w:eastAsia="%s"' % font in styles)
check("the body is in 3号 (16 pt)", '<w:sz w:val="32"/>' in styles)
fonts = zipfile.ZipFile(path).read("word/fontTable.xml").decode("utf-8")
check("the system's CJK faces stand in for the office's", "Noto Serif CJK SC" in fonts and "Noto Sans CJK SC" in fonts)
check("the document's title is set", "长治" in (document.core_properties.title or ""))

sys.exit(1 if failures else 0)
