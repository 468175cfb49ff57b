// libxlsxwriter, which writes roster.xlsx. Only Rostering/Outputs/Workbook.swift uses it, and it checks every
// argument first: libxlsxwriter reports bad arguments by return code (and a warning on standard error).
#include <xlsxwriter.h>
