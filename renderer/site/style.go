package site

// style is the site's stylesheet, in every page (no request for a file of its own).
var style = []byte(`body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid #ccc}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
a{color:#0b4f8a}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.status{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#eee;color:#1a1a1a}
.s-in-progress{background:#d7e9fb}.s-delayed{background:#fde2c8}.s-done,.s-in-operation{background:#d5efd8}.s-cancelled{background:#e6e6e6}
.overdue{color:#9b1c1c}
.totals{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.timeline{border-left:3px solid #0b4f8a;padding-left:1.2rem}
.timeline li{margin:.4rem 0}
.who{color:#555}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.fields dt{font-weight:bold}
dl.fields dd{margin:0}
footer{border-top:1px solid #ccc;margin-top:2rem;color:#444}
p,li,td,th,dd,dt,h1,h2,h3,caption{overflow-wrap:break-word}
.table-wrap{overflow-x:auto;margin:1rem 0}
.table-wrap table{margin:0}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
@media screen and (max-width:40rem){
h1{font-size:1.6rem}
dl.fields{grid-template-columns:1fr;gap:0}
dl.fields dd{margin:0 0 .4rem}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border-bottom:1px solid #ccc;padding:.4rem 0}
table.stack td{border:0;padding:.1rem 0;display:grid;grid-template-columns:6.5rem 1fr;gap:.5rem}
table.stack td>*{justify-self:start}
table.stack td::before{content:attr(data-label);color:#555;font-size:.85rem}
}
`)
