/// The report's style sheet: a laptop screen, and A4 landscape paper (rows never split across pages,
/// table headers repeated, colours printed).
enum ReportStyle {
    /// Background and text colour of each shift, by its position in shifts.csv (repeating).
    static let shiftColours: [(background: String, text: String)] = [
        ("#ffe08a", "#3d2e00"), ("#ffb56b", "#3d1f00"), ("#4f5fb8", "#ffffff"), ("#9be3b0", "#0f3d1e"),
        ("#f4a7c8", "#45102a"), ("#b9a4f2", "#22104a"),
    ]

    /// Colours of sectors in the funding bars, by position (repeating).
    static let sectorColours = ["#2f6fb3", "#d9822b", "#3a9b5c", "#8e5bb5", "#c2415b", "#6b7a8f"]

    static let css = """
        @page { size: A4 landscape; margin: 8mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: #1f2933; margin: 0 auto; padding: 14px 18px 40px; max-width: 1680px; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 2px; }
        h2 { font-size: 17px; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #cbd2d9; }
        h3 { font-size: 14px; margin: 14px 0 5px; }
        p { margin: 4px 0 8px; }
        a { color: #1d5fa8; }
        .sub { color: #52606d; }
        nav { margin: 8px 0 0; padding: 6px 0; border-top: 1px solid #e4e7eb; border-bottom: 1px solid #e4e7eb; }
        nav a { margin-right: 16px; text-decoration: none; font-weight: 600; }
        table { border-collapse: collapse; margin: 4px 0 10px; }
        th, td { border: 1px solid #d9dee4; padding: 2px 5px; text-align: left; vertical-align: middle; }
        th { background: #f0f3f6; font-weight: 600; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr, .x, .kpis { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        .we { background: #e6e9ee; }
        th.d { text-align: center; padding: 1px 0; font-weight: 500; font-size: 10px; line-height: 1.1;
          min-width: 25px; }
        th.d b { display: block; font-size: 11px; }
        .kpis { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
        .kpi { border: 1px solid #d9dee4; border-radius: 6px; padding: 5px 10px; min-width: 120px; }
        .kpi b { display: block; font-size: 17px; }
        .kpi span { color: #52606d; font-size: 11px; }
        .status { display: inline-block; padding: 0 6px; border-radius: 4px; font-weight: 600; color: #fff; }
        .status.red, .c.red { background: #d64545; }
        .status.amber, .c.amber { background: #f0a500; }
        .status.green, .c.green { background: #3f9e52; }
        .warn { border-left: 4px solid #d64545; background: #fdf0f0; padding: 6px 10px; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; font-size: 12px; margin: 4px 0; }
        .swatch { display: inline-block; width: 14px; height: 12px; vertical-align: -2px; margin-right: 4px;
          border: 1px solid rgba(0, 0, 0, 0.15); }
        .grid td, .grid th { font-size: 11px; }
        .grid td.name { white-space: nowrap; max-width: 190px; overflow: hidden; text-overflow: ellipsis; }
        .grid td.name small, .x small { color: #52606d; }
        .grid td.s { text-align: center; padding: 0; min-width: 25px; height: 22px; font-weight: 600; line-height: 1; }
        .grid td.s sub { display: block; font-size: 7px; font-weight: 500; vertical-align: baseline; }
        .grid td.off { background: repeating-linear-gradient(45deg, #fff 0 3px, #c9ced6 3px 5px); }
        .grid tr.grp th { background: #dde6f0; font-size: 12px; }
        .grid td.over { color: #9a5b00; font-weight: 700; }
        .grid td.under { color: #7b8794; }
        .heat td.c { width: 25px; min-width: 25px; height: 18px; padding: 0; text-align: center; }
        .heat td.c a { display: block; color: #fff; font-size: 10px; font-weight: 700; line-height: 18px;
          text-decoration: none; }
        .heat td.none { background: #fff; }
        .heat td.none.we { background: #e6e9ee; }
        .heat th.row { white-space: nowrap; font-weight: 500; }
        .x { border: 1px solid #d9dee4; border-left-width: 5px; border-radius: 4px; padding: 4px 10px;
          margin: 8px 0; }
        .x.red { border-left-color: #d64545; }
        .x.amber { border-left-color: #f0a500; }
        .x h3 { margin: 2px 0 4px; }
        .x table { width: 100%; }
        .x td { font-size: 12px; }
        .tag { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; white-space: nowrap;
          background: #e4e7eb; }
        .tag.free_not_chosen { background: #fde2b8; }
        .tag.on_this_shift, .tag.other_shift { background: #d6e4f5; }
        .tag.agency_not_chosen { background: #fde2b8; }
        .x :target, .x:target { outline: 3px solid #1d5fa8; }
        @media print {
          body { font-size: 9px; padding: 0; max-width: none; }
          nav, .back { display: none; }
          h1 { font-size: 16px; }
          h2 { font-size: 13px; break-before: page; page-break-before: always; margin-top: 0; }
          h2.first { break-before: auto; page-break-before: auto; }
          h3 { font-size: 10px; }
          th, td { padding: 1px 3px; }
          .grid td, .grid th { font-size: 8px; }
          th.d { min-width: 20px; font-size: 7px; }
          th.d b { font-size: 8px; }
          .grid td.s { min-width: 20px; height: 16px; }
          .grid td.s sub { font-size: 5.5px; }
          .grid td.name { max-width: 120px; }
          .heat td.c { width: 20px; min-width: 20px; height: 13px; }
          .heat td.c a { font-size: 7px; line-height: 13px; }
          .x td { font-size: 8px; }
          .kpi { padding: 2px 6px; min-width: 80px; }
          .kpi b { font-size: 12px; }
          .kpi span, .legend, .tag { font-size: 7.5px; }
        }
        """
}
