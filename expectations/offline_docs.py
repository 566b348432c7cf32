"""Great Expectations Data Docs that read offline.

GX's pages load Bootstrap, jQuery and Font Awesome from public CDNs, and its index draws its tables with
bootstrap-table from one too: offline the index is blank and every page unstyled. After each build,
`make_offline` copies those libraries from their PyPI packages (XStatic) into the site's `static/vendor/`,
points every page at the copies, drops what has no offline copy (bootstrap-table, the date picker, vega:
filters and charts, not content), and writes the index tables' rows into the page itself.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

VENDOR = "static/vendor"
_CDN_TAG = re.compile(r"""<link[^>]*href="(https?://[^"]+)"[^>]*>|<script[^>]*src="(https?://[^"]+)"[^>]*>\s*</script>""")
_INTEGRITY = re.compile(r'\s(integrity|crossorigin)="[^"]*"')
_GX_LOGO = re.compile(r"https://great-expectations-web-assets\.[^'\"]+")
_STATIC_LINK = re.compile(r'(href|src)="(?:\./|(?:\.\./)*)static/')
_FILTER_BUTTON = re.compile(r"<button[^>]*clearTableFilters[^>]*>[^<]*</button>")
_TABLE_SCRIPT = re.compile(
    r"<script>\s*\$\('#([\w-]+)'\)\.bootstrapTable\(\s*Object\.assign\(\s*\{\s*columns: (\[.*?\]),\s*"
    r"data: (\[.*?\]),\s*toolbar:.*?</script>",
    re.DOTALL,
)


def _vendored() -> dict[str, tuple[Path, str]]:
    """CDN address ending -> (the same library in an installed XStatic package, its path under VENDOR)."""
    import xstatic.pkg.bootstrap as bootstrap
    import xstatic.pkg.font_awesome as font_awesome
    import xstatic.pkg.jquery as jquery

    return {
        "/css/bootstrap.min.css": (Path(bootstrap.BASE_DIR) / "css" / "bootstrap.min.css", "bootstrap.min.css"),
        # the bundle carries popper.js, which GX loads on its own
        "/js/bootstrap.min.js": (Path(bootstrap.BASE_DIR) / "js" / "bootstrap.bundle.min.js",
                                 "bootstrap.bundle.min.js"),
        "/jquery-3.7.1.min.js": (Path(jquery.BASE_DIR) / "jquery.min.js", "jquery.min.js"),
        "/css/all.min.css": (Path(font_awesome.BASE_DIR) / "css" / "all.min.css", "font-awesome/css/all.min.css"),
    }


def _copy_vendor(docs_dir: Path, vendored: dict[str, tuple[Path, str]]) -> None:
    import xstatic.pkg.font_awesome as font_awesome

    target = docs_dir / VENDOR
    for source, name in vendored.values():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / name)
    # all.min.css finds its fonts at ../webfonts/
    shutil.copytree(Path(font_awesome.BASE_DIR) / "webfonts", target / "font-awesome" / "webfonts",
                    dirs_exist_ok=True)


def _local_tags(page: str, prefix: str, vendored: dict[str, tuple[Path, str]]) -> str:
    def local(match: re.Match) -> str:
        url = match.group(1) or match.group(2)
        for ending, (_, name) in vendored.items():
            if url.endswith(ending):
                # the CDN file's integrity hash does not fit the packaged build: the browser would refuse it
                return _INTEGRITY.sub("", match.group(0).replace(url, f"{prefix}{VENDOR}/{name}"))
        return ""

    page = _CDN_TAG.sub(local, page)
    # GX's validation pages, one folder deeper than its others, point one level short of static/
    page = _STATIC_LINK.sub(lambda m: f'{m.group(1)}="{prefix}static/', page)
    return _GX_LOGO.sub(f"{prefix}static/images/logo-long.png", page)


def _static_table(match: re.Match) -> tuple[str, str]:
    """(table id, its head and rows as HTML) from one bootstrap-table script of the index."""
    table_id = match.group(1)
    columns = ast.literal_eval(match.group(2))
    rows = ast.literal_eval(match.group(3))
    head = "".join(f"<th>{html.escape(c['title'])}</th>" for c in columns)
    body = []
    for row in rows:
        link = row.get("_table_row_link_path")
        opens = f' style="cursor:pointer" onclick="window.location=\'{html.escape(link)}\'"' if link else ""
        cells = "".join(f"<td>{row.get(c['field'], '')}</td>" for c in columns)
        body.append(f"<tr{opens}>{cells}</tr>")
    return table_id, f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"


def _static_tables(page: str) -> str:
    for match in list(_TABLE_SCRIPT.finditer(page)):
        table_id, rows = _static_table(match)
        page = page.replace(match.group(0), "")
        page = _FILTER_BUTTON.sub("", page)
        page = re.sub(rf'(<table\s+id="{re.escape(table_id)}"[^>]*>)\s*</table>',
                      lambda opening, rows=rows: f"{opening.group(1)}{rows}</table>", page, count=1)
    return page


def make_offline(docs_dir: Path) -> None:
    """Rewrite every page of the Data Docs site in `docs_dir` to need nothing from the network."""
    vendored = _vendored()
    _copy_vendor(docs_dir, vendored)
    for path in docs_dir.rglob("*.html"):
        depth = len(path.relative_to(docs_dir).parts) - 1
        page = path.read_text(encoding="utf-8")
        page = _static_tables(_local_tags(page, "../" * depth, vendored))
        path.write_text(page, encoding="utf-8")
