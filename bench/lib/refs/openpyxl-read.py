"""Reference: openpyxl (Debian's python3-openpyxl) in read-only mode visits every cell of every sheet."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            cell.value
            cells += 1
wb.close()
print(cells)
